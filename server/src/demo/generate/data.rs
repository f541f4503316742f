//! The data the generator draws on: the country's divisions and districts,
//! and the officers' names.

/// The divisions with their districts (English, Bangla). Rangpur's are the
/// demo data's and are only looked up.
pub(super) const DIVISIONS: [(&str, &str, &[(&str, &str)]); 8] = [
    (
        "dhaka",
        "ঢাকা",
        &[
            ("dhaka", "ঢাকা"),
            ("faridpur", "ফরিদপুর"),
            ("gazipur", "গাজীপুর"),
            ("gopalganj", "গোপালগঞ্জ"),
            ("kishoreganj", "কিশোরগঞ্জ"),
            ("madaripur", "মাদারীপুর"),
            ("manikganj", "মানিকগঞ্জ"),
            ("munshiganj", "মুন্সীগঞ্জ"),
            ("narayanganj", "নারায়ণগঞ্জ"),
            ("narsingdi", "নরসিংদী"),
            ("rajbari", "রাজবাড়ী"),
            ("shariatpur", "শরীয়তপুর"),
            ("tangail", "টাঙ্গাইল"),
        ],
    ),
    (
        "chattogram",
        "চট্টগ্রাম",
        &[
            ("bandarban", "বান্দরবান"),
            ("brahmanbaria", "ব্রাহ্মণবাড়িয়া"),
            ("chandpur", "চাঁদপুর"),
            ("chattogram", "চট্টগ্রাম"),
            ("cumilla", "কুমিল্লা"),
            ("coxsbazar", "কক্সবাজার"),
            ("feni", "ফেনী"),
            ("khagrachhari", "খাগড়াছড়ি"),
            ("lakshmipur", "লক্ষ্মীপুর"),
            ("noakhali", "নোয়াখালী"),
            ("rangamati", "রাঙ্গামাটি"),
        ],
    ),
    (
        "rajshahi",
        "রাজশাহী",
        &[
            ("bogura", "বগুড়া"),
            ("joypurhat", "জয়পুরহাট"),
            ("naogaon", "নওগাঁ"),
            ("natore", "নাটোর"),
            ("chapainawabganj", "চাঁপাইনবাবগঞ্জ"),
            ("pabna", "পাবনা"),
            ("rajshahi", "রাজশাহী"),
            ("sirajganj", "সিরাজগঞ্জ"),
        ],
    ),
    (
        "khulna",
        "খুলনা",
        &[
            ("bagerhat", "বাগেরহাট"),
            ("chuadanga", "চুয়াডাঙ্গা"),
            ("jashore", "যশোর"),
            ("jhenaidah", "ঝিনাইদহ"),
            ("khulna", "খুলনা"),
            ("kushtia", "কুষ্টিয়া"),
            ("magura", "মাগুরা"),
            ("meherpur", "মেহেরপুর"),
            ("narail", "নড়াইল"),
            ("satkhira", "সাতক্ষীরা"),
        ],
    ),
    (
        "barishal",
        "বরিশাল",
        &[
            ("barguna", "বরগুনা"),
            ("barishal", "বরিশাল"),
            ("bhola", "ভোলা"),
            ("jhalokati", "ঝালকাঠি"),
            ("patuakhali", "পটুয়াখালী"),
            ("pirojpur", "পিরোজপুর"),
        ],
    ),
    (
        "sylhet",
        "সিলেট",
        &[
            ("habiganj", "হবিগঞ্জ"),
            ("moulvibazar", "মৌলভীবাজার"),
            ("sunamganj", "সুনামগঞ্জ"),
            ("sylhet", "সিলেট"),
        ],
    ),
    (
        "rangpur",
        "রংপুর",
        &[
            ("rangpur", "রংপুর"),
            ("dinajpur", "দিনাজপুর"),
            ("kurigram", "কুড়িগ্রাম"),
            ("gaibandha", "গাইবান্ধা"),
            ("nilphamari", "নীলফামারী"),
            ("panchagarh", "পঞ্চগড়"),
            ("thakurgaon", "ঠাকুরগাঁও"),
            ("lalmonirhat", "লালমনিরহাট"),
        ],
    ),
    (
        "mymensingh",
        "ময়মনসিংহ",
        &[
            ("jamalpur", "জামালপুর"),
            ("mymensingh", "ময়মনসিংহ"),
            ("netrokona", "নেত্রকোণা"),
            ("sherpur", "শেরপুর"),
        ],
    ),
];

/// Upazilas per district: about the country's 495 over 64 districts. Their
/// names are numbered ("দিনাজপুর উপজেলা-৩"), not the real ones.
pub(super) const UPAZILAS_PER_DISTRICT: usize = 8;

pub(super) const FIRST_NAMES: [&str; 12] = [
    "মোঃ আব্দুল",
    "মোছাঃ নাসরিন",
    "মোঃ রফিকুল",
    "শাহনাজ",
    "মোঃ কামরুল",
    "ফারহানা",
    "মোঃ জাহিদুল",
    "সুমাইয়া",
    "মোঃ মাহবুবুর",
    "তানজিলা",
    "মোঃ শফিকুল",
    "রেহানা",
];
pub(super) const LAST_NAMES: [&str; 10] = [
    "ইসলাম",
    "রহমান",
    "হক",
    "আক্তার",
    "হাসান",
    "আলম",
    "খাতুন",
    "হোসেন",
    "পারভীন",
    "করিম",
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn there_are_sixty_four_districts() {
        let n: usize = DIVISIONS.iter().map(|(_, _, d)| d.len()).sum();
        assert_eq!(n, 64);
    }
}
