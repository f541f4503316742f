//! Bars people read at a glance, drawn on the server as SVG (no JavaScript).
//! The SVG is hidden from screen readers: the number is always printed beside
//! it, so every chart reads as text too.
use leptos::prelude::*;

/// A horizontal bar `value` of `max` long, in the colour of `kind`
/// ("overdue", "late", "done", "met"), with a dashed line at `target`
/// percent when there is one.
#[component]
pub fn Meter(
    value: u32,
    max: u32,
    kind: &'static str,
    #[prop(optional)] target: Option<u32>,
) -> impl IntoView {
    let width = if max == 0 {
        0.0
    } else {
        f64::from(value.min(max)) * 100.0 / f64::from(max)
    };
    view! {
        <svg class="meter" viewBox="0 0 100 10" preserveAspectRatio="none" aria-hidden="true" focusable="false">
            <rect class="track" x="0" y="0" width="100" height="10"/>
            <rect class=format!("fill {kind}") x="0" y="0" width=format!("{width:.1}") height="10"/>
            {target.map(|t| view! {
                <line class="target" x1=t.to_string() x2=t.to_string() y1="0" y2="10" vector-effect="non-scaling-stroke"/>
            })}
        </svg>
    }
}
