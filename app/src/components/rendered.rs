//! Parts of a page that are the same for everyone who may see them (a
//! meeting's minutes, its carry-forward) rendered once per content and
//! language, and their HTML kept: a busy meeting page copies that HTML
//! instead of building the same tens of kB again for each reader.
//!
//! What is kept is found by the content itself (its hash, then compared
//! whole; or, for the `Arc`s the shared meetings keep, by their allocation:
//! `Same`), so it can never be older than what the page just read: there is
//! no version to pass along and nothing to forget to clear. Only parts that
//! depend on nothing but their content and the page's language belong here
//! (no signed-in user, no clock); the per-user parts are rendered around them.
use leptos::prelude::*;
use leptos::tachys::html::InertElement;
use std::hash::Hash;

/// `render(content)`'s HTML, rendered once per content and language.
pub fn rendered<T, V>(part: &'static str, content: T, render: fn(T) -> V) -> InertElement
where
    T: Hash + Eq + Clone + Send + Sync + 'static,
    V: IntoView,
{
    #[cfg(feature = "ssr")]
    {
        kept::html(part, crate::i18n::use_lang(), content, render)
    }
    #[cfg(not(feature = "ssr"))]
    {
        let _ = part;
        InertElement::new(render(content).to_html())
    }
}

/// Content known by its allocation: the minutes and carry-forward a page
/// gets are the `Arc`s the shared meetings keep, the same one for every
/// reader until the meeting changes. Comparing the pointer instead of tens
/// of kB of text is as sure: the shelf holds the `Arc` while it keeps the
/// HTML, so its allocation cannot be reused for other content meanwhile,
/// and nothing in it changes behind the `Arc`. A copy made elsewhere is
/// only a miss, rendered again.
pub struct Same<T>(pub std::sync::Arc<T>);

impl<T> Clone for Same<T> {
    fn clone(&self) -> Self {
        Same(self.0.clone())
    }
}

impl<T> PartialEq for Same<T> {
    fn eq(&self, other: &Self) -> bool {
        std::sync::Arc::ptr_eq(&self.0, &other.0)
    }
}

impl<T> Eq for Same<T> {}

impl<T> Hash for Same<T> {
    fn hash<H: std::hash::Hasher>(&self, state: &mut H) {
        std::sync::Arc::as_ptr(&self.0).hash(state)
    }
}

#[cfg(feature = "ssr")]
mod kept {
    use super::*;
    use crate::i18n::Lang;
    use std::any::Any;
    use std::collections::{HashMap, VecDeque};
    use std::sync::{Arc, LazyLock, Mutex};

    /// The HTML kept at most, in bytes (about twice that with the content
    /// it was rendered from); past it, the longest kept goes first.
    const BUDGET: usize = 24 << 20;

    type Key = (&'static str, Lang, u64);

    #[derive(Default)]
    struct Shelf {
        bytes: usize,
        parts: HashMap<Key, (Arc<dyn Any + Send + Sync>, Arc<str>)>,
        /// Keys in the order they were kept.
        order: VecDeque<Key>,
    }

    static SHELF: LazyLock<Mutex<Shelf>> = LazyLock::new(Mutex::default);

    pub(super) fn html<T, V>(
        part: &'static str,
        lang: Lang,
        content: T,
        render: fn(T) -> V,
    ) -> InertElement
    where
        T: Hash + Eq + Clone + Send + Sync + 'static,
        V: IntoView,
    {
        let key = (part, lang, hash(&content));
        if let Some(html) = found(&key, &content) {
            return InertElement::new(String::from(&*html));
        }
        let kept: Arc<dyn Any + Send + Sync> = Arc::new(content.clone());
        let html = render(content).to_html();
        // A part too big to share the shelf with others (a meeting near the
        // limits of the minutes' size) is rendered each time.
        if html.len() > BUDGET / 16 {
            return InertElement::new(html);
        }
        let mut shelf = SHELF.lock().unwrap_or_else(|p| p.into_inner());
        if let Some((_, old)) = shelf.parts.insert(key, (kept, Arc::from(html.as_str()))) {
            shelf.bytes -= old.len();
        } else {
            shelf.order.push_back(key);
        }
        shelf.bytes += html.len();
        while shelf.bytes > BUDGET {
            let Some(oldest) = shelf.order.pop_front() else {
                break;
            };
            if let Some((_, old)) = shelf.parts.remove(&oldest) {
                shelf.bytes -= old.len();
            }
        }
        InertElement::new(html)
    }

    /// The kept HTML of exactly this content, if any (a hash is only a hint).
    fn found<T: Eq + 'static>(key: &Key, content: &T) -> Option<Arc<str>> {
        let (kept, html) = {
            let shelf = SHELF.lock().unwrap_or_else(|p| p.into_inner());
            shelf.parts.get(key)?.clone()
        };
        // Compared outside the lock: the content can be tens of kB.
        (kept.downcast_ref::<T>()? == content).then_some(html)
    }

    fn hash<T: Hash>(content: &T) -> u64 {
        use std::hash::BuildHasher;
        // Only a hint (the content is compared whole), so the fast one.
        static STATE: LazyLock<foldhash::fast::RandomState> = LazyLock::new(Default::default);
        STATE.hash_one(content)
    }
}

#[cfg(all(test, feature = "ssr"))]
mod tests {
    use super::*;
    use std::sync::atomic::{AtomicUsize, Ordering::SeqCst};

    static RENDERS: AtomicUsize = AtomicUsize::new(0);

    fn paragraph(text: String) -> impl IntoView {
        RENDERS.fetch_add(1, SeqCst);
        view! { <p>{text}</p> }
    }

    #[test]
    fn the_same_content_is_rendered_once_and_changed_content_again() {
        let html = |text: &str| rendered("test", text.to_string(), paragraph).to_html();
        let first = html("সভা <১>");
        assert!(first.starts_with("<p>সভা &lt;১&gt;"), "{first}");
        assert_eq!(RENDERS.load(SeqCst), 1);
        assert_eq!(html("সভা <১>"), first);
        assert_eq!(RENDERS.load(SeqCst), 1);
        assert!(html("সভা ২").starts_with("<p>সভা ২"));
        assert_eq!(RENDERS.load(SeqCst), 2);
    }

    static SAME_RENDERS: AtomicUsize = AtomicUsize::new(0);

    fn shared(text: Same<String>) -> impl IntoView {
        SAME_RENDERS.fetch_add(1, SeqCst);
        view! { <p>{text.0.to_string()}</p> }
    }

    #[test]
    fn shared_content_is_known_by_its_allocation() {
        let kept = std::sync::Arc::new("সভা".to_string());
        let html =
            |text: &std::sync::Arc<String>| rendered("same", Same(text.clone()), shared).to_html();
        let first = html(&kept);
        assert!(first.starts_with("<p>সভা<"), "{first}");
        assert_eq!(html(&kept), first);
        assert_eq!(SAME_RENDERS.load(SeqCst), 1);
        // Another allocation, even of the same text, is rendered again.
        let copy = std::sync::Arc::new(String::clone(&kept));
        assert_eq!(html(&copy), first);
        assert_eq!(SAME_RENDERS.load(SeqCst), 2);
        let changed = std::sync::Arc::new("সভা ২".to_string());
        assert!(html(&changed).starts_with("<p>সভা ২<"));
        assert_eq!(SAME_RENDERS.load(SeqCst), 3);
    }
}
