//! The first paint, drawn without Leptos (issue #14): the same markup as the Leptos view's
//! first render of a session (`view::SessionView`: branding, the amount and line items, the
//! status views, the page_message's words, the payment section's heading and a one-time code's
//! words), written with `createElement`, `setAttribute` and text nodes only. The main module
//! paints it; the whole Leptos view, a chunk of its own, then takes its place in one frame, so
//! a payer on a slow phone sees what they pay for without waiting for Leptos. What it draws is
//! compared with the Leptos view's markup, state by state, by the component tests
//! (`first_paint_is_the_views_markup`): the two must not drift, or the page would move when one
//! replaces the other.
//!
//! As in the view, every config string reaches the DOM as a text node (inside `<bdi>` or
//! `dir="auto"`), the logo only as the model's validated `https:` URL, the accent only as the
//! model's parsed colour.
use crate::i18n::{self, Lang, Msg, Part};
use crate::model::{ChallengeType, Config, Layout, Scope, Status};
use crate::platform::browser;
use crate::problem::ProblemKind;
use crate::{contrast, countdown, model, sanitize};
use wasm_bindgen::JsCast;
use web_sys::{Document, Element, HtmlElement};

/// The payer's language and the view's id prefix: what the view's `ViewCtx` holds.
#[derive(Clone, Copy, Debug)]
pub struct Words<'a> {
    pub lang: Lang,
    /// The `Intl` locale for amounts and dates.
    pub locale: &'a str,
    /// The start of every element id, e.g. `sv3`.
    pub prefix: &'a str,
}

/// The clocks the view reads: the client's now and the server's skew, both in ms.
#[derive(Clone, Copy, Debug)]
pub struct Clock {
    pub now_ms: i64,
    pub skew_ms: i64,
}

impl Clock {
    /// The time left to pay, as the view counts it (`None`: no expiry).
    fn left_ms(self, config: &Config) -> Option<i64> {
        config.expires_at.map(|at| countdown::whole_seconds_left_ms(at, self.now_ms, self.skew_ms))
    }

    /// The status the payer sees by this clock (expired once no time is left).
    pub fn status_seen(self, config: &Config) -> Status {
        countdown::status_seen(config.status(), self.left_ms(config))
    }
}

struct Painter<'a> {
    doc: &'a Document,
    w: Words<'a>,
}

impl Painter<'_> {
    fn text(&self, m: Msg) -> &'static str {
        self.w.lang.text(m)
    }

    fn money(&self, minor: Option<i64>, currency: Option<&str>) -> String {
        browser::money_or_unavailable(minor, currency, self.w.lang, self.w.locale)
    }

    fn id(&self, name: &str) -> String {
        format!("{}-{name}", self.w.prefix)
    }

    /// A new `tag` with `attrs`, appended to `parent` when there is one.
    fn el(&self, parent: Option<&Element>, tag: &str, attrs: &[(&str, &str)]) -> Option<Element> {
        let el = self.doc.create_element(tag).ok()?;
        for (name, value) in attrs {
            el.set_attribute(name, value).ok()?;
        }
        if let Some(p) = parent {
            p.append_child(&el).ok()?;
        }
        Some(el)
    }

    /// `el` with one text node in it.
    fn with_text(&self, parent: &Element, tag: &str, attrs: &[(&str, &str)], text: &str) -> Option<Element> {
        let el = self.el(Some(parent), tag, attrs)?;
        self.add_text(&el, text);
        Some(el)
    }

    fn add_text(&self, parent: &Element, text: &str) {
        let _ = parent.append_child(&self.doc.create_text_node(text));
    }

    /// The text of `m` into `parent`, each placeholder drawn by `arg(parent, name)`: the
    /// view's `ViewCtx::rich`.
    fn rich(&self, parent: &Element, m: Msg, mut arg: impl FnMut(&Element, &str)) {
        for part in i18n::parts(self.text(m)) {
            match part {
                Part::Text(t) => self.add_text(parent, t),
                Part::Arg(a) => arg(parent, a),
            }
        }
    }

    /// The view's `<div class="sv">`, with its header, its main part and its footer.
    fn session(&self, config: &Config, clock: Clock) -> Option<Element> {
        let embedded = config.layout == Some(Layout::Embedded);
        let accent = config.branding.accent_color;
        let mut class = String::from(if embedded { "sv sv--embedded" } else { "sv sv--hosted" });
        if accent.is_some() {
            class.push_str(" sv--branded");
        }
        let root = self.el(None, "div", &[("class", &class), ("lang", self.w.lang.tag()), ("dir", self.w.lang.dir())])?;
        if let Some(a) = accent {
            // Through the CSSOM, as the view sets them: never a style attribute's text.
            let style = root.dyn_ref::<HtmlElement>()?.style();
            style.set_property("--sv-accent", &a.to_css()).ok()?;
            style.set_property("--sv-on-accent", &contrast::ink_on(a).to_css()).ok()?;
        }
        self.header(&root, config, embedded)?;
        let main = self.el(Some(&root), "main", &[("class", "sv-main")])?;
        self.body(&main, config, clock)?;
        if !embedded && clock.status_seen(config).takes_payment_details() {
            let footer = self.el(Some(&root), "footer", &[("class", "sv-footer")])?;
            self.with_text(&footer, "p", &[], self.text(Msg::SecureFooter))?;
        }
        Some(root)
    }

    fn header(&self, root: &Element, config: &Config, embedded: bool) -> Option<()> {
        let class = if embedded { "sv-header sv-header--compact" } else { "sv-header" };
        let header = self.el(Some(root), "header", &[("class", class)])?;
        if let Some(src) = &config.branding.logo_url {
            let attrs = [
                ("class", "sv-logo"),
                ("src", src),
                ("alt", ""),
                ("width", "40"),
                ("height", "40"),
                ("referrerpolicy", "no-referrer"),
                ("decoding", "async"),
            ];
            self.el(Some(&header), "img", &attrs)?;
        }
        let name = self.el(Some(&header), "span", &[("class", "sv-merchant")])?;
        self.with_text(&name, "bdi", &[], merchant_name(config).unwrap_or(self.text(Msg::Checkout)))?;
        Some(())
    }

    /// What `<main>` holds in each status (the view's `body`).
    fn body(&self, main: &Element, config: &Config, clock: Clock) -> Option<()> {
        let remaining = clock.left_ms(config);
        match countdown::status_seen(config.status(), remaining) {
            Status::Completed => self.completed(main, config),
            Status::Expired => self.over(main, config, "expired", Msg::ExpiredTitle, Msg::ExpiredAskMerchant),
            Status::Unknown(_) => self.over(main, config, "unavailable", Msg::UnavailableTitle, Msg::UnavailableBody),
            // The wallet is a part of its own: nothing of it is in the first paint.
            Status::Active if config.scope == Some(Scope::Wallet) => Some(()),
            Status::Active => self.active(main, config, remaining),
        }
    }

    fn active(&self, main: &Element, config: &Config, remaining: Option<i64>) -> Option<()> {
        self.summary(main, config)?;
        // The total's change notice: empty until a later config changes the total.
        let change = self.el(Some(main), "div", &[("class", "sv-change")])?;
        self.el(
            Some(&change),
            "div",
            &[("class", "sv-live"), ("role", "status"), ("aria-live", "polite"), ("data-testid", "total-change")],
        )?;
        if let Some(email) = &config.customer_email {
            let p = self.el(Some(main), "p", &[("class", "sv-email")])?;
            self.rich(&p, Msg::ReceiptTo, |p, _| {
                let _ = self.with_text(p, "bdi", &[("class", "sv-email-address"), ("dir", "ltr")], email);
            });
        }
        if let Some(ms) = config.expires_at {
            let when = browser::format_datetime(ms, self.w.locale);
            let p = self.el(Some(main), "p", &[("class", "sv-expiry"), ("data-testid", "expiry")])?;
            self.rich(&p, Msg::PayBy, |p, _| {
                let _ = self.with_text(p, "time", &[], &when);
            });
        }
        if let Some(left) = remaining.filter(|r| countdown::visible(*r)) {
            let p = self.el(Some(main), "p", &[("class", "sv-countdown"), ("data-testid", "countdown")])?;
            self.rich(&p, Msg::TimeLeft, |p, _| {
                let attrs = [("class", "sv-countdown-time"), ("role", "timer"), ("dir", "ltr")];
                let _ = self.with_text(p, "span", &attrs, &countdown::format_remaining(left));
            });
        }
        self.el(Some(main), "p", &[("class", "sv-visually-hidden"), ("aria-live", "polite"), ("data-testid", "countdown-announcement")])?;
        if let Some(html) = &config.page_message {
            self.message_words(main, html)?;
        }
        self.payment(main, config)
    }

    fn summary(&self, main: &Element, config: &Config) -> Option<()> {
        let heading_id = self.id("summary");
        let section = self.el(Some(main), "section", &[("class", "sv-summary"), ("aria-labelledby", &heading_id)])?;
        let h1 = self.el(Some(&section), "h1", &[("class", "sv-due-label"), ("id", &heading_id)])?;
        match merchant_name(config) {
            Some(n) => self.rich(&h1, Msg::PayMerchant, |p, _| {
                let _ = self.with_text(p, "bdi", &[], n);
            }),
            None => self.add_text(&h1, self.text(Msg::AmountDue)),
        }
        let currency = config.currency.as_deref();
        self.with_text(&section, "p", &[("class", "sv-due"), ("data-testid", "amount-due")], &self.money(config.amount, currency))?;
        if let Some(d) = &config.description {
            self.with_text(&section, "p", &[("class", "sv-description"), ("dir", "auto")], d)?;
        }
        if !config.line_items.is_empty() {
            let ul = self.el(Some(&section), "ul", &[("class", "sv-items"), ("aria-label", self.text(Msg::Items))])?;
            for item in &config.line_items {
                let li = self.el(Some(&ul), "li", &[("class", "sv-item")])?;
                self.with_text(
                    &li,
                    "span",
                    &[("class", "sv-item-name"), ("dir", "auto")],
                    item.description.as_deref().unwrap_or(self.text(Msg::Item)),
                )?;
                let qty = self.el(Some(&li), "span", &[("class", "sv-item-qty")])?;
                // The unit price only where it tells something (a quantity other than one).
                if item.quantity != 1 {
                    self.add_text(&qty, &format!("{} × {}", item.quantity, self.money(item.amount, currency)));
                }
                self.with_text(&li, "span", &[("class", "sv-item-amount")], &self.money(item.total(), currency))?;
            }
            let total = self.el(Some(&section), "p", &[("class", "sv-total")])?;
            self.with_text(&total, "span", &[], self.text(Msg::Total))?;
            self.with_text(
                &total,
                "span",
                &[("class", "sv-total-amount"), ("data-testid", "total")],
                &self.money(config.amount, currency),
            )?;
        }
        Some(())
    }

    /// The page_message's place and its words as plain text, until the sanitiser's formatted
    /// version replaces them (the view's `PageMessage`, waiting).
    fn message_words(&self, main: &Element, html: &str) -> Option<()> {
        let lines = sanitize::estimated_lines(html);
        let long = sanitize::collapsed(html);
        let id = self.id("page-message");
        let class = if long { "sv-message sv-message--waiting sv-message--collapsed" } else { "sv-message sv-message--waiting" };
        let attrs = [("class", class), ("id", &id), ("aria-busy", "true"), ("dir", "auto"), ("data-testid", "page-message")];
        let div = self.el(Some(main), "div", &attrs)?;
        let style = div.dyn_ref::<HtmlElement>()?.style();
        let height = format!("calc({lines} * 1.5em)");
        style.set_property("min-height", &height).ok()?;
        style.set_property("max-height", &height).ok()?;
        self.add_text(&div, &sanitize::preview_text(html));
        if long {
            // The view's "Show more"; until the view takes over, it opens the words once.
            let attrs = [
                ("type", "button"),
                ("class", "sv-more"),
                ("aria-expanded", "false"),
                ("aria-controls", &id),
                ("data-testid", "page-message-more"),
            ];
            let button = self.with_text(main, "button", &attrs, self.text(Msg::ShowMore))?;
            let (words, more) = (div.clone(), button.clone());
            // The closure type the page's window listeners already use: no new glue for it.
            let open = wasm_bindgen::closure::Closure::<dyn FnMut(web_sys::Event)>::new(move |_: web_sys::Event| {
                let _ = words.class_list().remove_1("sv-message--collapsed");
                if let Some(s) = words.dyn_ref::<HtmlElement>().map(HtmlElement::style) {
                    let _ = s.remove_property("max-height");
                }
                more.remove();
            });
            button.add_event_listener_with_callback("click", open.as_ref().unchecked_ref()).ok()?;
            open.forget(); // as long as the button: the paint is replaced by the view once
        }
        Some(())
    }

    /// The payment section: its heading and a one-time code's words. The pay form is the
    /// view's.
    fn payment(&self, main: &Element, config: &Config) -> Option<()> {
        let heading_id = self.id("payment");
        let section = self.el(Some(main), "section", &[("class", "sv-payment"), ("aria-labelledby", &heading_id)])?;
        self.with_text(&section, "h2", &[("class", "sv-heading"), ("id", &heading_id)], self.text(Msg::Payment))?;
        self.el(Some(&section), "p", &[("class", "sv-visually-hidden"), ("role", "status"), ("data-testid", "challenge-announce")])?;
        let Some(challenge) = &config.challenge else { return Some(()) };
        let (sms, kind) = match challenge.kind {
            ChallengeType::Sms => (true, "sms"),
            ChallengeType::Email => (false, "email"),
            _ => return Some(()),
        };
        let hint = challenge.delivery_hint.as_deref();
        let detail = crate::challenge::code_words(challenge.code_sent, sms, hint.is_some());
        let attrs = [("class", "sv-challenge sv-challenge--code"), ("data-testid", "challenge"), ("data-kind", kind)];
        let block = self.el(Some(&section), "div", &attrs)?;
        let heading_id = self.id("challenge");
        self.with_text(&block, "h3", &[("class", "sv-subheading"), ("id", &heading_id), ("tabindex", "-1")], self.text(Msg::VerifyItsYou))?;
        let p = self.el(Some(&block), "p", &[])?;
        self.rich(&p, detail, |p, _| {
            if let Some(bdi) = self.el(Some(p), "bdi", &[("class", "sv-hint"), ("dir", "ltr")]) {
                if let Some(h) = hint {
                    self.add_text(&bdi, h);
                }
            }
        });
        Some(())
    }

    fn completed(&self, main: &Element, config: &Config) -> Option<()> {
        let attrs = [("class", "sv-state sv-state--done"), ("role", "status"), ("data-testid", "completed")];
        let section = self.el(Some(main), "section", &attrs)?;
        self.with_text(&section, "h1", &[("class", "sv-heading"), ("tabindex", "-1")], self.text(Msg::PaymentComplete))?;
        let paid = self.el(Some(&section), "p", &[])?;
        let m = if config.amount.is_some() { Msg::YouPaid } else { Msg::PaymentWentThrough };
        self.rich(&paid, m, |p, arg| {
            let text = match arg {
                "amount" => self.money(config.amount, config.currency.as_deref()),
                _ => self.merchant_or_the_merchant(config).to_owned(),
            };
            let _ = self.with_text(p, "bdi", &[], &text);
        });
        if let Some(email) = &config.customer_email {
            let p = self.el(Some(&section), "p", &[])?;
            self.rich(&p, Msg::ReceiptOnItsWay, |p, _| {
                let _ = self.with_text(p, "bdi", &[("dir", "ltr")], email);
            });
        }
        self.with_text(&section, "p", &[], self.text(Msg::CanClosePage))?;
        Some(())
    }

    /// Expired, or a status this build does not know.
    fn over(&self, main: &Element, config: &Config, testid: &str, title: Msg, body: Msg) -> Option<()> {
        let section = self.el(Some(main), "section", &[("class", "sv-state"), ("role", "status"), ("data-testid", testid)])?;
        self.with_text(&section, "h1", &[("class", "sv-heading"), ("tabindex", "-1")], self.text(title))?;
        let p = self.el(Some(&section), "p", &[])?;
        self.rich(&p, body, |p, _| {
            let _ = self.with_text(p, "bdi", &[], self.merchant_or_the_merchant(config));
        });
        Some(())
    }

    fn merchant_or_the_merchant<'c>(&self, config: &'c Config) -> &'c str {
        merchant_name(config).unwrap_or(self.text(Msg::TheMerchant))
    }
}

fn merchant_name(config: &Config) -> Option<&str> {
    model::merchant_name(&config.branding.merchant_display_name, &config.merchant_display_name)
}

/// The first paint of `config`: the view's root element, not yet in the document, or `None`
/// where the document refused an element (nothing is then shown until the view arrives).
pub fn session(doc: &Document, words: Words<'_>, config: &Config, clock: Clock) -> Option<Element> {
    Painter { doc, w: words }.session(config, clock)
}

/// The skeleton shown while the session's config is on its way (the live view's loading
/// state, the same markup).
pub fn loading(doc: &Document, words: Words<'_>) -> Option<Element> {
    let p = Painter { doc, w: words };
    let root =
        p.el(None, "div", &[("class", "sv sv--hosted"), ("aria-busy", "true"), ("lang", words.lang.tag()), ("dir", words.lang.dir())])?;
    let main = p.el(Some(&root), "main", &[("class", "sv-main sv-skeleton"), ("data-testid", "loading")])?;
    p.with_text(&main, "p", &[("class", "sv-visually-hidden"), ("role", "status")], p.text(Msg::Loading))?;
    for class in ["sv-skel sv-skel--title", "sv-skel sv-skel--amount", "sv-skel", "sv-skel", "sv-skel sv-skel--title"] {
        p.el(Some(&main), "div", &[("class", class)])?;
    }
    Some(root)
}

/// A part whose chunk did not arrive (`part` names it): the calm alert of the view's
/// `lazy_part`, appended to `parent`. Resolves when the payer presses its Try again, after
/// which the alert is gone.
pub async fn part_unavailable(doc: &Document, words: Words<'_>, parent: &Element, part: &str) {
    let p = Painter { doc, w: words };
    let attrs = [("class", "sv-alert"), ("role", "alert"), ("data-testid", "part-unavailable"), ("data-part", part)];
    let Some(alert) = p.el(Some(parent), "div", &attrs) else { return };
    let _ = p.with_text(&alert, "p", &[], p.text(Msg::PartUnavailable));
    let button = p.el(Some(&alert), "button", &[("type", "button"), ("class", "sv-button")]);
    if let Some(button) = button.as_ref().and_then(|b| b.dyn_ref::<HtmlElement>()) {
        p.add_text(button, p.text(Msg::TryAgain));
        let pressed = js_sys::Promise::new(&mut |resolve, _| button.set_onclick(Some(&resolve)));
        let _ = wasm_bindgen_futures::JsFuture::from(pressed).await;
        button.set_onclick(None);
    }
    alert.remove();
}

/// A problem no retry can mend (a link that is not valid, not or no longer authorised, not
/// found, gone): the view's problem panel, the same markup, with nothing more to come.
pub fn problem(doc: &Document, words: Words<'_>, kind: ProblemKind) -> Option<Element> {
    let p = Painter { doc, w: words };
    let root = p.el(None, "div", &[("class", "sv sv--hosted"), ("lang", words.lang.tag()), ("dir", words.lang.dir())])?;
    let main = p.el(Some(&root), "main", &[("class", "sv-main")])?;
    let attrs = [("class", "sv-problem"), ("role", "alert"), ("data-testid", "problem"), ("data-problem", kind.code())];
    let section = p.el(Some(&main), "section", &attrs)?;
    let (title, body) = kind.text();
    p.with_text(&section, "h1", &[("class", "sv-heading")], p.text(title))?;
    p.with_text(&section, "p", &[], p.text(body))?;
    Some(root)
}
