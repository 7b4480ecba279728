import type { IsoDate } from "./calendar-dates.js";

export interface SuggestedHoliday {
  readonly date: IsoDate;
  readonly name: string;
  /** "national" = hari libur nasional, "collective_leave" = cuti bersama. */
  readonly type: "national" | "collective_leave";
  /** True when the date is an estimate not yet fixed by a decree; confirm before relying on it. */
  readonly provisional: boolean;
}

/**
 * Suggested special days for Indonesian tenants; nothing is applied until a user marks it.
 * 2026: SKB 3 Menteri (Menteri Agama, Menteri Ketenagakerjaan, Menteri PANRB) No. 1497, 2 and 5 of 2025 on the
 * national holidays and collective leave of 2026 (announced 19 September 2025), as published by Kemenko PMK.
 * 2027: no decree was available when this list was made. Fixed-date holidays and the dates that follow from
 * the Gregorian Easter and Chinese calendars are certain; lunar Islamic, Hindu and Buddhist dates are
 * astronomical estimates marked provisional (the government fixes them by decree and sidang isbat).
 */
export const INDONESIAN_HOLIDAYS: readonly SuggestedHoliday[] = [
  national("2026-01-01", "Tahun Baru Masehi"),
  national("2026-01-16", "Isra Mikraj Nabi Muhammad SAW"),
  leave("2026-02-16", "Cuti bersama Tahun Baru Imlek"),
  national("2026-02-17", "Tahun Baru Imlek 2577 Kongzili"),
  leave("2026-03-18", "Cuti bersama Hari Suci Nyepi"),
  national("2026-03-19", "Hari Suci Nyepi (Tahun Baru Saka 1948)"),
  leave("2026-03-20", "Cuti bersama Idulfitri 1447 H"),
  national("2026-03-21", "Idulfitri 1447 H (Lebaran)"),
  national("2026-03-22", "Idulfitri 1447 H (Lebaran)"),
  leave("2026-03-23", "Cuti bersama Idulfitri 1447 H"),
  leave("2026-03-24", "Cuti bersama Idulfitri 1447 H"),
  national("2026-04-03", "Wafat Yesus Kristus"),
  national("2026-04-05", "Kebangkitan Yesus Kristus (Paskah)"),
  national("2026-05-01", "Hari Buruh Internasional"),
  national("2026-05-14", "Kenaikan Yesus Kristus"),
  leave("2026-05-15", "Cuti bersama Kenaikan Yesus Kristus"),
  national("2026-05-27", "Iduladha 1447 H"),
  leave("2026-05-28", "Cuti bersama Iduladha 1447 H"),
  national("2026-05-31", "Hari Raya Waisak 2570 BE"),
  national("2026-06-01", "Hari Lahir Pancasila"),
  national("2026-06-16", "Tahun Baru Islam 1448 H"),
  national("2026-08-17", "Proklamasi Kemerdekaan RI"),
  national("2026-08-25", "Maulid Nabi Muhammad SAW"),
  leave("2026-12-24", "Cuti bersama Kelahiran Yesus Kristus"),
  national("2026-12-25", "Kelahiran Yesus Kristus (Natal)"),

  national("2027-01-01", "Tahun Baru Masehi"),
  national("2027-01-05", "Isra Mikraj Nabi Muhammad SAW", true),
  national("2027-02-06", "Tahun Baru Imlek 2578 Kongzili"),
  national("2027-03-09", "Hari Suci Nyepi (Tahun Baru Saka 1949)", true),
  national("2027-03-10", "Idulfitri 1448 H (Lebaran)", true),
  national("2027-03-11", "Idulfitri 1448 H (Lebaran)", true),
  national("2027-03-26", "Wafat Yesus Kristus"),
  national("2027-03-28", "Kebangkitan Yesus Kristus (Paskah)"),
  national("2027-05-01", "Hari Buruh Internasional"),
  national("2027-05-06", "Kenaikan Yesus Kristus"),
  national("2027-05-17", "Iduladha 1448 H", true),
  national("2027-05-20", "Hari Raya Waisak 2571 BE", true),
  national("2027-06-01", "Hari Lahir Pancasila"),
  national("2027-06-06", "Tahun Baru Islam 1449 H", true),
  national("2027-08-15", "Maulid Nabi Muhammad SAW", true),
  national("2027-08-17", "Proklamasi Kemerdekaan RI"),
  national("2027-12-25", "Kelahiran Yesus Kristus (Natal)"),
];

function national(date: IsoDate, name: string, provisional = false): SuggestedHoliday {
  return { date, name, type: "national", provisional };
}

function leave(date: IsoDate, name: string): SuggestedHoliday {
  return { date, name, type: "collective_leave", provisional: false };
}
