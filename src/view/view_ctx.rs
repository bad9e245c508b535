//! [`ViewCtx`]: what every component of one mounted view shares (its language, its `Intl`
//! locale, its element-id prefix), and [`ctx`], which reads it and fails fast outside a view.
use crate::i18n::{self, Lang, Msg, Part};
use leptos::prelude::{AnyView, IntoAny};
use std::sync::atomic::{AtomicU32, Ordering};

thread_local! {
    static LAST_LANG: std::cell::Cell<Lang> = const { std::cell::Cell::new(Lang::En) };
}

/// The language of the view that started last (English before any): what the crash message
/// (`crate::pages::crash`, which sits above the view) is written in.
pub fn last_lang() -> Lang {
    LAST_LANG.with(std::cell::Cell::get)
}

/// What every component of one mounted view shares. `Copy`, so closures take it freely.
#[derive(Clone, Copy, Debug)]
pub struct ViewCtx {
    /// The catalogue the payer reads.
    pub lang: Lang,
    /// The `Intl` locale for numbers, amounts and dates: the tag that chose `lang` (so
    /// `en-GB` keeps day-month dates), or `lang`'s own tag.
    pub locale: &'static str,
    /// Unique per mounted instance, so element ids never clash when several views share a page.
    n: u32,
}

/// One copy of each locale tag a page uses (a handful; each is a checked tag of at most 35
/// bytes), so `ViewCtx` can be `Copy`.
fn intern(tag: &str) -> &'static str {
    thread_local! {
        static TAGS: std::cell::RefCell<Vec<&'static str>> = const { std::cell::RefCell::new(Vec::new()) };
    }
    TAGS.with(|t| {
        let mut tags = t.borrow_mut();
        if let Some(found) = tags.iter().find(|x| **x == tag) {
            return *found;
        }
        let leaked: &'static str = Box::leak(tag.to_owned().into_boxed_str());
        tags.push(leaked);
        leaked
    })
}

impl ViewCtx {
    /// The language: `asked` (the mount option or the page's `?locale=`), else the browser's
    /// languages in order, else English.
    pub fn new(asked: Option<String>) -> Self {
        static NEXT: AtomicU32 = AtomicU32::new(1);
        let n = NEXT.fetch_add(1, Ordering::Relaxed);
        let wanted: Vec<String> = asked.into_iter().chain(crate::platform::browser::languages()).collect();
        let (lang, tag) = match i18n::negotiate(wanted.iter().map(String::as_str)) {
            // Its catalogue did not arrive (`load_language`): the whole view is in English.
            (lang, _) if !lang.is_loaded() => (Lang::En, None),
            found => found,
        };
        let locale = intern(tag.filter(|t| crate::platform::browser::intl_accepts(t)).unwrap_or(lang.tag()));
        LAST_LANG.with(|l| l.set(lang));
        ViewCtx { lang, locale, n }
    }

    /// The language `asked`, else the browser's, would choose, loaded or not.
    pub fn wanted_lang(asked: Option<String>) -> Lang {
        i18n::wanted(asked.as_deref(), &crate::platform::browser::languages())
    }

    /// Downloads the catalogue of the language `ViewCtx::new(asked)` will choose (before the
    /// view is built, so its first paint is in that language). If it cannot arrive, the
    /// view is in English.
    pub async fn load_language(asked: Option<String>) {
        let lang = Self::wanted_lang(asked);
        if crate::platform::catalogues::load(lang).await.is_err() {
            crate::platform::browser::warn(&format!("session-view: the {} texts did not load; showing English", lang.tag()));
        }
    }

    /// The language of a view given `locale` (the mount option): that one if given, else the
    /// one already chosen around it (the page's, or a `LiveView`'s), else the browser's.
    pub fn for_view(locale: Option<String>) -> Self {
        match locale {
            Some(l) => ViewCtx::new(Some(l)),
            None => ctx(),
        }
    }

    /// The start of every element id in this view, e.g. `sv3`.
    pub fn prefix(&self) -> String {
        format!("sv{}", self.n)
    }

    pub fn id(&self, name: &str) -> String {
        format!("sv{}-{name}", self.n)
    }

    /// The text of `m` for this payer.
    pub fn text(&self, m: Msg) -> &'static str {
        self.lang.text(m)
    }

    /// The text of `m` with its placeholders filled (plain text only).
    pub fn fill(&self, m: Msg, args: &[(&str, &str)]) -> String {
        i18n::fill(self.text(m), args)
    }

    /// The text of `m` as views, each placeholder replaced by `arg(name)`: for messages that
    /// put an element (a merchant name in `<bdi>`, an amount in `<strong>`) inside a sentence
    /// whose word order each language decides.
    pub fn rich(&self, m: Msg, mut arg: impl FnMut(&str) -> AnyView) -> Vec<AnyView> {
        i18n::parts(self.text(m))
            .into_iter()
            .map(|p| match p {
                Part::Text(t) => t.into_any(),
                Part::Arg(a) => arg(a),
            })
            .collect()
    }

    /// Formats an amount, or says plainly that it is unavailable.
    pub fn money(&self, minor: Option<i64>, currency: Option<&str>) -> String {
        crate::platform::browser::money_or_unavailable(minor, currency, self.lang, self.locale)
    }
}

/// This view's language and id prefix. Panics where no view provides one (a `SessionView`,
/// the live view, the page or the frame): a component must not guess its language.
pub(crate) fn ctx() -> ViewCtx {
    leptos::prelude::expect_context()
}
