use crate::model::{AvsField, Config};
use leptos::prelude::*;

pub fn field_label(f: &AvsField) -> Option<&'static str> {
    Some(match f {
        AvsField::Line1 => "street address",
        AvsField::Line2 => "address line 2",
        AvsField::City => "city",
        AvsField::State => "state or region",
        AvsField::PostalCode => "postal code",
        AvsField::Country => "country",
        AvsField::Other(_) => return None,
    })
}

/// Which billing-address details the payer will be asked for (address verification).
/// Unknown field names are ignored.
#[component]
pub fn BillingFields(config: Signal<Config>) -> impl IntoView {
    let labels = Memo::new(move |_| {
        config.with(|c| c.required_avs_fields.iter().filter_map(field_label).collect::<Vec<_>>())
    });
    move || {
        let labels = labels.get();
        (!labels.is_empty()).then(|| {
            view! {
                <p class="sv-billing" data-testid="billing-fields">
                    "For address verification you'll be asked for your billing " {labels.join(", ")} "."
                </p>
            }
        })
    }
}
