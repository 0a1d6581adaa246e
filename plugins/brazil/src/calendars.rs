//! The business-day calendar for Brazilian deadlines, as cited data.
//!
//! National holidays only: state and municipal holidays need a per-location
//! calendar and are out of scope. Pontos facultativos (Carnival, Ash Wednesday,
//! Corpus Christi and the day after it in 2025 and 2026, 20 April 2026,
//! Servidor Público, 24 and 31 December afternoons) are not holidays and are
//! counted as business days, the conservative reading (shared/legal/brazil-russia.md,
//! BR-INC-12 and §7b).

use juris_core::time::{Calendar, SATURDAY_SUNDAY, day};

/// Brazil's national holidays, 2025-2026.
pub static BR_NATIONAL: Calendar = Calendar {
    id: "br-national",
    name: "Brazil national holidays",
    source: "Lei 662/1949 as amended by Lei 10.607/2002, Lei 6.802/1980 and Lei 14.759/2023; dates as listed in Portaria MGI nº 9.783/2024 (2025) and Portaria MGI nº 11.460/2025 (2026), which also list Good Friday (Paixão de Cristo) as a national holiday; pontos facultativos are business days (shared/legal/brazil-russia.md §7b)",
    years: Some((2025, 2026)),
    weekend: SATURDAY_SUNDAY,
    holidays: &[
        day(2025, 1, 1, "Confraternização Universal (New Year's Day)"),
        day(2025, 4, 18, "Paixão de Cristo (Good Friday)"),
        day(2025, 4, 21, "Tiradentes"),
        day(2025, 5, 1, "Dia Mundial do Trabalho (Labour Day)"),
        day(2025, 9, 7, "Independência do Brasil"),
        day(2025, 10, 12, "Nossa Senhora Aparecida"),
        day(2025, 11, 2, "Finados (All Souls' Day)"),
        day(2025, 11, 15, "Proclamação da República"),
        day(2025, 11, 20, "Dia Nacional de Zumbi e da Consciência Negra"),
        day(2025, 12, 25, "Natal (Christmas Day)"),
        day(2026, 1, 1, "Confraternização Universal (New Year's Day)"),
        day(2026, 4, 3, "Paixão de Cristo (Good Friday)"),
        day(2026, 4, 21, "Tiradentes"),
        day(2026, 5, 1, "Dia Mundial do Trabalho (Labour Day)"),
        day(2026, 9, 7, "Independência do Brasil"),
        day(2026, 10, 12, "Nossa Senhora Aparecida"),
        day(2026, 11, 2, "Finados (All Souls' Day)"),
        day(2026, 11, 15, "Proclamação da República"),
        day(2026, 11, 20, "Dia Nacional de Zumbi e da Consciência Negra"),
        day(2026, 12, 25, "Natal (Christmas Day)"),
    ],
    working_weekend_days: &[],
};
