use crate::model::AvsField;
use crate::payment::{self, BankInput, CardInput, Field, MethodBody, Problems};
use leptos::prelude::*;
use std::collections::HashSet;
use wasm_bindgen::JsCast;

/// What the payer chose.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Choice {
    None,
    Saved(String),
    NewCard,
    NewBank,
}

/// What a confirm came to: the value of the Pay button's `Action` (whose `pending()` says
/// one is under way).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Confirmed {
    /// The session moved on (paid, or an earlier attempt had gone through, or it ended):
    /// the view shows its new state.
    Settled,
    /// Declined by the bank: its reason, if the server gave one; only the security code was cleared.
    Declined(Option<String>),
    /// Refused for another reason: the server's message, if any.
    Refused(Option<String>),
    /// No answer we could read: the outcome is unknown; "Pay" again retries with the same
    /// request and key, and a different request first asks the server about this one.
    Unknown(Unanswered),
    /// A different request after an unknown outcome needed the session read first, and that
    /// read failed: nothing was sent.
    CheckFailed,
    /// The demo gallery: nothing was sent.
    Demo,
    /// The embedder confirms by itself (`handleConfirm`): the `confirm` event went out, and
    /// neither its settlement nor a `completed` config came in the time allowed.
    NotConfirmed,
}

/// Why a confirm's outcome is unknown: what the payer is told must be true.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Unanswered {
    /// No response at all (network, timeout).
    Unreachable,
    /// The server answered 5xx or 429: it had a problem.
    ServiceProblem,
}

/// Everything the payer typed or chose. It lives beside the config, never inside it, so a
/// new config (amount changed, items changed) cannot touch it.
#[derive(Clone, Copy)]
pub struct PayState {
    pub choice: RwSignal<Choice>,
    pub card: RwSignal<CardInput>,
    pub bank: RwSignal<BankInput>,
    /// Fields the payer has left: their problems are shown.
    pub touched: RwSignal<HashSet<Field>>,
    /// Confirm was pressed: every problem is shown.
    pub submitted: RwSignal<bool>,
    /// The solved challenge's response (captcha token or verified code), for confirm.
    pub challenge_response: RwSignal<Option<String>>,
    /// Bumped when a confirm failed after reaching the server: captcha tokens are single
    /// use, so the widget asks again.
    pub challenge_resets: RwSignal<u32>,
}

/// What the payer typed, made above a view that a page re-renders in place (the frame, in
/// another language): the view takes it instead of starting afresh. Only such a page provides it.
#[derive(Clone, Copy)]
pub struct KeptInput(pub PayState);

impl PayState {
    pub fn new() -> Self {
        Self::for_locale("")
    }

    /// A fresh state whose billing country is the one the payer's locale implies, if any.
    pub fn for_locale(locale: &str) -> Self {
        let country = crate::country::from_locale(locale).unwrap_or_default().to_owned();
        PayState {
            choice: RwSignal::new(Choice::None),
            card: RwSignal::new(CardInput { country, ..Default::default() }),
            bank: RwSignal::new(BankInput { checking: true, ..Default::default() }),
            touched: RwSignal::new(HashSet::new()),
            submitted: RwSignal::new(false),
            challenge_response: RwSignal::new(None),
            challenge_resets: RwSignal::new(0),
        }
    }

    pub fn touch(&self, f: Field) {
        self.touched.update(|t| {
            t.insert(f);
        });
    }

    /// Whether `f`'s problem should be visible now.
    pub fn shows(&self, f: Field) -> bool {
        self.submitted.get() || self.touched.with(|t| t.contains(&f))
    }

    /// `f`'s problem among `problems`, once it should be shown.
    pub fn shown_problem(self, problems: Memo<Problems>, f: Field) -> Signal<Option<crate::i18n::Msg>> {
        Signal::derive(move || if self.shows(f) { problems.with(|p| p.iter().find(|(x, _)| *x == f).map(|(_, m)| *m)) } else { None })
    }

    /// What a confirm's outcome does to the form (the Pay button applies it when the answer
    /// arrives). Declined: everything typed is kept but the security code, which is emptied
    /// (by us, so not shown as a problem until the payer has been in the field again).
    /// Declined or refused: the captcha token was used up, so the check asks again.
    pub fn apply(&self, outcome: &Confirmed) {
        match outcome {
            Confirmed::Declined(_) => {
                self.challenge_resets.update(|n| *n += 1);
                self.card.update(|c| c.cvc.clear());
                self.touched.update(|t| {
                    t.remove(&Field::Cvc);
                });
                self.submitted.set(false);
            }
            Confirmed::Refused(_) => self.challenge_resets.update(|n| *n += 1),
            _ => {}
        }
    }

    /// The problems of the method being entered (none for a saved one), and the
    /// `payment_method` body once there are none. `required` are the session's AVS fields.
    /// Reads the signals tracked, so a memo over it follows what the payer types.
    pub fn entered(&self, required: &[AvsField], now: (u32, u32)) -> (Problems, Option<MethodBody>) {
        match self.choice.get() {
            Choice::Saved(id) => (Vec::new(), payment::method_body(Some(&id), None, None, now)),
            Choice::NewCard => {
                self.card.with(|c| (payment::card_problems(c, required, now.0, now.1), payment::method_body(None, Some(c), None, now)))
            }
            Choice::NewBank => self.bank.with(|b| (payment::bank_problems(b), payment::method_body(None, None, Some(b), now))),
            Choice::None => (Vec::new(), None),
        }
    }
}

impl Default for PayState {
    fn default() -> Self {
        Self::new()
    }
}

/// What the payer has entered for the chosen method, worked out once per view (the forms, the
/// Pay button and the wallet's Save all read it): its problems in form order and, once there
/// are none, the method body to send.
#[derive(Clone, Copy)]
pub struct Entered(pub Memo<(Problems, Option<MethodBody>)>);

impl Entered {
    /// Made and provided by the part that takes a new method (the pay form, the wallet), so
    /// the payment rules travel in that part's chunk, not in the first paint's module.
    pub fn provide(config: reactive_stores::Store<crate::model::Config>) -> Self {
        let pay = pay_state();
        let now = crate::platform::browser::now_year_month();
        let required = crate::model::ConfigStoreFields::required_avs_fields(config);
        let entered = Entered(Memo::new(move |_| required.with(|r| pay.entered(r, now))));
        provide_context(entered);
        entered
    }

    /// The problems alone (a memo of its own: what reads it re-runs only when they change).
    pub fn problems(self) -> Memo<Problems> {
        Memo::new(move |_| self.0.with(|e| e.0.clone()))
    }
}

/// This part's [`Entered`]. Panics outside the pay form or the wallet.
pub fn entered() -> Entered {
    expect_context()
}

/// The element with `id` in the same document or shadow root as `near`.
pub fn find(near: &web_sys::Element, id: &str) -> Option<web_sys::HtmlElement> {
    let root = near.get_root_node();
    let el = if let Some(shadow) = root.dyn_ref::<web_sys::ShadowRoot>() {
        shadow.get_element_by_id(id)
    } else {
        root.dyn_ref::<web_sys::Document>().and_then(|d| d.get_element_by_id(id))
    };
    el.and_then(|e| e.dyn_into().ok())
}

impl PayState {
    /// Pay or Save was pressed with `problems`: every problem is shown, and focus moves to
    /// the first one's field (found from `near`, the pressed button; `prefix` is the view's).
    pub fn reveal_problems(&self, near: &web_sys::Element, prefix: &str, problems: &Problems) {
        self.submitted.set(true);
        if let Some(el) = problems.first().and_then(|(f, _)| find(near, &field_id(prefix, *f))) {
            let _ = el.focus();
        }
    }
}

/// What the confirm button hands to whoever sends the request (see `live::Controller`):
/// what the request needs, nothing of the form's state.
#[derive(Clone)]
pub struct ConfirmRequest {
    pub payment_method: MethodBody,
    /// For the `confirm` event: the method type and, for a saved one, its id. Never card data.
    pub method_type: &'static str,
    pub saved_method_id: Option<String>,
    /// The solved challenge's response (captcha token or verify token), if one was asked.
    pub challenge_response: Option<String>,
}

impl std::fmt::Debug for ConfirmRequest {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("ConfirmRequest").field("method_type", &self.method_type).finish_non_exhaustive()
        // never card data
    }
}

impl std::fmt::Debug for PayState {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("PayState { .. }") // never prints what the payer typed
    }
}

/// What the payer typed in this view. Panics outside a `SessionView`.
pub fn pay_state() -> PayState {
    expect_context()
}

/// The element id of a form field in this view instance.
pub fn field_id(prefix: &str, f: Field) -> String {
    format!("{prefix}-{f:?}").to_ascii_lowercase()
}
