import type { KbLanguage } from "./article.js";

/**
 * Small stop-word lists for turning conversation text into search terms. PostgreSQL's `indonesian` text search
 * configuration has no stop words at all, and conversations are full of greetings and fillers, so these are
 * removed before a query is built.
 * - English: a selection from the Snowball English stop-word list
 *   (https://snowballstem.org/algorithms/english/stop.txt) plus greetings common in contact-center chats.
 * - Indonesian: a selection of the most frequent function words from the Tala (2003) stop-word list
 *   ("A Study of Stemming Effects on Information Retrieval in Bahasa Indonesia", University of Amsterdam),
 *   plus chat fillers and greetings (halo, mbak, pak, kak, terima kasih, tolong…).
 */
const ENGLISH = `a about above after again against all am an and any are as at be because been before being
below between both but by can could did do does doing down during each few for from further had has have
having he her here hers herself him himself his how i if in into is it its itself just me more most my myself
no nor not now of off on once only or other our ours ourselves out over own same she should so some such than
that the their theirs them themselves then there these they this those through to too under until up very was
we were what when where which while who whom why will with would you your yours yourself yourselves hello hi
hey thanks thank please ok okay yes yeah sir madam mr mrs ms good morning afternoon evening regards dear want
need like get got would could also still already`;

const INDONESIAN = `ada adalah adanya agar akan akankah aku anda apa apakah apabila atau ataupun bagaimana
bagi bahkan bahwa banyak baru begitu belum berapa bisa boleh bukan bukankah dalam dan dapat dari daripada
dengan di dia dong harus hal hanya hingga ia ini itu jadi jika juga kalau kami kamu kan karena kata ke kemudian
kenapa kepada ketika kita lagi lah lain maka mana masih mau melalui memang mengapa mereka meski nah namun nya
oleh pada para pun saat saja sama sangat saya se sebagai sebelum sedang sehingga sejak semua seperti sering
setelah siapa sudah supaya tadi tapi telah tentang tersebut tetapi tidak untuk yaitu yakni yang ya halo hai
selamat pagi siang sore malam terima kasih tolong mohon bapak ibu pak bu mbak mas kak kakak min admin deh sih
kok dulu sekarang gimana bagaimana gak nggak enggak tidak aja udah sudah ingin mau bantu`;

const toSet = (words: string): ReadonlySet<string> => new Set(words.split(/\s+/).filter(Boolean));

export const STOP_WORDS: Readonly<Record<KbLanguage, ReadonlySet<string>>> = {
  en: toSet(ENGLISH),
  id: toSet(INDONESIAN),
};
