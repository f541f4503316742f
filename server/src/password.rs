//! Password hashes: Argon2id with 7 MiB of memory and five passes, one of
//! the settings OWASP's password storage guide gives as equally strong as
//! 19 MiB with two passes (password-auth's fixed setting). The server lives
//! in 100 MB and every sign-in runs one hash: at 19 MiB a sign-in pushed it
//! over, at 7 MiB it does not. A sign-in with a hash stored under other
//! settings (every hash before this module) is re-hashed under these.

use argon2::password_hash::{rand_core::OsRng, PasswordHash, SaltString};
use argon2::{Algorithm, Argon2, Params, PasswordHasher, PasswordVerifier, Version};

const MEMORY_KIB: u32 = 7 * 1024;
const PASSES: u32 = 5;
const LANES: u32 = 1;

/// What a password says about a stored hash.
#[derive(Debug, PartialEq, Eq)]
pub enum Verdict {
    Wrong,
    Right,
    /// Right, and the stored hash was made under other settings.
    RightButOutdated,
}

fn argon2() -> Argon2<'static> {
    let params = Params::new(MEMORY_KIB, PASSES, LANES, None).expect("constant, valid parameters");
    Argon2::new(Algorithm::Argon2id, Version::V0x13, params)
}

/// A new hash (PHC string) of `password` with a fresh random salt.
pub fn hash(password: &str) -> Result<String, argon2::password_hash::Error> {
    let salt = SaltString::generate(&mut OsRng);
    Ok(argon2()
        .hash_password(password.as_bytes(), &salt)?
        .to_string())
}

/// Checks `password` against a stored hash, under the settings the hash
/// itself names; an unreadable hash is never right.
pub fn verify(password: &str, stored: &str) -> Verdict {
    let Ok(parsed) = PasswordHash::new(stored) else {
        return Verdict::Wrong;
    };
    if argon2()
        .verify_password(password.as_bytes(), &parsed)
        .is_err()
    {
        return Verdict::Wrong;
    }
    let current = parsed.algorithm == Algorithm::Argon2id.ident()
        && parsed.version == Some(Version::V0x13.into())
        && Params::try_from(&parsed)
            .is_ok_and(|p| (p.m_cost(), p.t_cost(), p.p_cost()) == (MEMORY_KIB, PASSES, LANES));
    if current {
        Verdict::Right
    } else {
        Verdict::RightButOutdated
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_hash_takes_its_password_and_no_other() {
        let stored = hash("correct horse battery").unwrap();
        assert!(stored.starts_with("$argon2id$v=19$m=7168,t=5,p=1$"));
        assert_eq!(verify("correct horse battery", &stored), Verdict::Right);
        assert_eq!(verify("correct horse batterz", &stored), Verdict::Wrong);
        assert_ne!(hash("correct horse battery").unwrap(), stored, "salted");
    }

    #[test]
    fn a_hash_under_the_old_settings_still_signs_in_and_asks_to_be_redone() {
        // password-auth 1.0's setting (19 MiB, two passes), as every stored
        // hash before this module was made.
        let salt = SaltString::generate(&mut OsRng);
        let old = Argon2::default()
            .hash_password(b"correct horse battery", &salt)
            .unwrap()
            .to_string();
        assert!(old.starts_with("$argon2id$v=19$m=19456,t=2,p=1$"));
        assert_eq!(
            verify("correct horse battery", &old),
            Verdict::RightButOutdated
        );
        assert_eq!(verify("wrong", &old), Verdict::Wrong);
    }

    #[test]
    fn an_unreadable_hash_is_never_right() {
        assert_eq!(verify("", ""), Verdict::Wrong);
        assert_eq!(verify("x", "not a hash"), Verdict::Wrong);
    }
}
