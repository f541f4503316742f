//! Each office's Ed25519 signing key: 32 random bytes in a file of the key
//! folder (`--key-dir`), created on first need, never in the database. The
//! public half is stored with the office, so anyone can check a memo.
use ed25519_dalek::{Signature, Signer, SigningKey, Verifier, VerifyingKey};
use sha2::{Digest, Sha256};
use std::io::Write;
use std::path::PathBuf;
use uuid::Uuid;

#[derive(Clone, Debug)]
pub struct Keys {
    pub dir: PathBuf,
}

impl Keys {
    /// The office's key, created (mode 0600) when it has none yet.
    pub fn signing_key(&self, office: Uuid) -> std::io::Result<SigningKey> {
        let path = self.dir.join(format!("{office}.ed25519"));
        match std::fs::read(&path) {
            Ok(bytes) if bytes.is_empty() => {
                // Left by a crash of a build that wrote keys in place; an
                // empty file never signed anything. Make the key afresh.
                std::fs::remove_file(&path)?;
                self.signing_key(office)
            }
            Ok(bytes) => {
                let seed: [u8; 32] = bytes.as_slice().try_into().map_err(|_| {
                    std::io::Error::other(format!("{}: not a 32-byte key", path.display()))
                })?;
                Ok(SigningKey::from_bytes(&seed))
            }
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
                let mut seed = [0u8; 32];
                getrandom::getrandom(&mut seed).map_err(std::io::Error::other)?;
                std::fs::create_dir_all(&self.dir)?;
                // Written whole aside and synced, then linked to its name:
                // a crash leaves no half-written key under it, and the link
                // fails if another instance made the key first.
                let aside = self.dir.join(format!(".{office}.{}", Uuid::new_v4()));
                let mut options = std::fs::OpenOptions::new();
                options.write(true).create_new(true);
                #[cfg(unix)]
                std::os::unix::fs::OpenOptionsExt::mode(&mut options, 0o600);
                let mut file = options.open(&aside)?;
                file.write_all(&seed)?;
                file.sync_all()?;
                let linked = std::fs::hard_link(&aside, &path);
                std::fs::remove_file(&aside)?;
                match linked {
                    Ok(()) => {
                        std::fs::File::open(&self.dir)?.sync_all()?;
                        Ok(SigningKey::from_bytes(&seed))
                    }
                    // Another instance made it first: use theirs.
                    Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => {
                        self.signing_key(office)
                    }
                    Err(e) => Err(e),
                }
            }
            Err(e) => Err(e),
        }
    }
}

pub fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

fn unhex(text: &str) -> Option<Vec<u8>> {
    if text.len() % 2 != 0 {
        return None;
    }
    (0..text.len())
        .step_by(2)
        .map(|i| u8::from_str_radix(text.get(i..i + 2)?, 16).ok())
        .collect()
}

pub fn sha256(bytes: &[u8]) -> String {
    hex(&Sha256::digest(bytes))
}

/// (hex public key, hex signature) of `content`.
pub fn sign(key: &SigningKey, content: &str) -> (String, String) {
    let signature: Signature = key.sign(content.as_bytes());
    (
        hex(key.verifying_key().as_bytes()),
        hex(&signature.to_bytes()),
    )
}

/// Does `signature` (hex) sign `content` under `public_key` (hex)?
pub fn verify(public_key: &str, content: &str, signature: &str) -> bool {
    let key = unhex(public_key)
        .and_then(|k| <[u8; 32]>::try_from(k).ok())
        .and_then(|k| VerifyingKey::from_bytes(&k).ok());
    let signature = unhex(signature)
        .and_then(|s| <[u8; 64]>::try_from(s).ok())
        .map(|s| Signature::from_bytes(&s));
    match (key, signature) {
        (Some(k), Some(s)) => k.verify(content.as_bytes(), &s).is_ok(),
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_key_is_made_once_and_signs_what_it_verifies() {
        let dir = std::env::temp_dir().join(format!("sidhanto-keys-{}", Uuid::new_v4()));
        let keys = Keys { dir: dir.clone() };
        let office = Uuid::new_v4();
        let key = keys.signing_key(office).unwrap();
        assert_eq!(
            keys.signing_key(office).unwrap().to_bytes(),
            key.to_bytes(),
            "read back, not made again"
        );
        let (public, signature) = sign(&key, "সভার কার্যবিবরণী");
        assert!(verify(&public, "সভার কার্যবিবরণী", &signature));
        assert!(
            !verify(&public, "সভার কার্যবিবরণী ", &signature),
            "one space more"
        );
        assert!(!verify(&public, "x", "zz"));
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            let mode = std::fs::metadata(dir.join(format!("{office}.ed25519")))
                .unwrap()
                .permissions()
                .mode();
            assert_eq!(mode & 0o777, 0o600);
        }
        // A crash of an older build left an empty key file: a key is made.
        let crashed = Uuid::new_v4();
        std::fs::write(dir.join(format!("{crashed}.ed25519")), b"").unwrap();
        let made = keys.signing_key(crashed).unwrap();
        assert_eq!(
            keys.signing_key(crashed).unwrap().to_bytes(),
            made.to_bytes()
        );
        let names: Vec<_> = std::fs::read_dir(&dir)
            .unwrap()
            .map(|e| e.unwrap().file_name())
            .collect();
        assert_eq!(names.len(), 2, "no file left aside: {names:?}");
        std::fs::remove_dir_all(dir).unwrap();
        assert_eq!(
            sha256(b"abc"),
            "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"
        );
    }

    /// Instances (and threads) asking for a new office's key at once all get
    /// the one key that was linked first; none is overwritten, none left aside.
    #[test]
    fn a_key_made_at_once_by_many_is_one_key() {
        let dir = std::env::temp_dir().join(format!("sidhanto-keys-{}", Uuid::new_v4()));
        let office = Uuid::new_v4();
        let made: Vec<[u8; 32]> = std::thread::scope(|s| {
            let workers: Vec<_> = (0..16)
                .map(|_| {
                    let keys = Keys { dir: dir.clone() };
                    s.spawn(move || keys.signing_key(office).unwrap().to_bytes())
                })
                .collect();
            workers.into_iter().map(|w| w.join().unwrap()).collect()
        });
        assert!(made.iter().all(|k| *k == made[0]), "one key for everyone");
        let on_disk = std::fs::read(dir.join(format!("{office}.ed25519"))).unwrap();
        assert_eq!(on_disk, made[0]);
        let names: Vec<_> = std::fs::read_dir(&dir).unwrap().collect();
        assert_eq!(names.len(), 1, "nothing left aside");
        std::fs::remove_dir_all(dir).unwrap();
    }
}
