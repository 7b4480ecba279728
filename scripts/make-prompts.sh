#!/usr/bin/env bash
# Regenerates Sentra's default voice prompts (English and Bahasa Indonesia) and music on hold into
# packages/server/assets/prompts/{en,id,common}/ as 8 kHz mono 16-bit PCM WAV — the form the media layer
# converts once to G.711. Needs espeak-ng and sox. The output is committed; run this only to change it.
set -euo pipefail
cd "$(dirname "$0")/.."
out=packages/server/assets/prompts
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

say() { # voice file text
  local voice=$1 file=$2 text=$3
  mkdir -p "$out/$(dirname "$file")"
  espeak-ng -v "$voice" -s 150 -w "$tmp/raw.wav" "$text"
  sox -D "$tmp/raw.wav" -r 8000 -c 1 -b 16 "$out/$file" norm -3
}

say en-us en/welcome.wav "Thank you for calling. Welcome."
say en-us en/menu.wav "For sales, press 1. For support, press 2. To hear these options again, press 9."
say en-us en/please-hold.wav "Please hold. Your call will be answered by the next available agent."
say en-us en/position-in-queue.wav "Your position in the queue is"
say en-us en/goodbye.wav "Thank you for calling. Goodbye."
say en-us en/voicemail.wav "Please leave a message after the tone. Press the hash key when you are done."
say en-us en/invalid-choice.wav "Sorry, that is not a valid choice."
words_en=(zero one two three four five six seven eight nine)
for d in 0 1 2 3 4 5 6 7 8 9; do say en-us "en/digits/$d.wav" "${words_en[$d]}"; done

say id id/welcome.wav "Terima kasih telah menghubungi kami. Selamat datang."
say id id/menu.wav "Untuk penjualan, tekan 1. Untuk bantuan, tekan 2. Untuk mendengar pilihan ini lagi, tekan 9."
say id id/please-hold.wav "Mohon tunggu. Panggilan Anda akan dijawab oleh agen berikutnya yang tersedia."
say id id/position-in-queue.wav "Posisi Anda dalam antrean adalah"
say id id/goodbye.wav "Terima kasih telah menghubungi kami. Sampai jumpa."
say id id/voicemail.wav "Silakan tinggalkan pesan setelah nada. Tekan tanda pagar jika sudah selesai."
say id id/invalid-choice.wav "Maaf, pilihan tersebut tidak tersedia."
words_id=(nol satu dua tiga empat lima enam tujuh delapan sembilan)
for d in 0 1 2 3 4 5 6 7 8 9; do say id "id/digits/$d.wav" "${words_id[$d]}"; done

# The demo IVR's menus, callbacks and the queue's position / expected-wait announcements.
# The language choice is one bilingual prompt, the same in both folders.
espeak-ng -v id -s 150 -w "$tmp/cl-id.wav" "Untuk Bahasa Indonesia, tekan 1."
espeak-ng -v en-us -s 150 -w "$tmp/cl-en.wav" "For English, press 2."
sox -D "$tmp/cl-id.wav" "$tmp/cl-en.wav" -r 8000 -c 1 -b 16 "$out/id/choose-language.wav" norm -3
cp "$out/id/choose-language.wav" "$out/en/choose-language.wav"
say en-us en/main-menu.wav "For billing, press 1. For complaints, press 2. To be called back, press 3. To speak to an agent, press 0."
say en-us en/no-input.wav "Sorry, we did not receive your choice."
say en-us en/closed-options.wav "We are closed now. To be called back, press 1. To leave a message, press 2."
say en-us en/leave-message.wav "Please leave your message after the tone."
say en-us en/callback-confirm.wav "We will call you back on"
say en-us en/callback-press.wav "To confirm, press 1. To enter another number, press 2."
say en-us en/callback-enter-number.wav "Please enter your phone number, then press the hash key."
say en-us en/callback-done.wav "Thank you. An agent will call you back."
say en-us en/expected-wait.wav "The expected waiting time is about"
say en-us en/wait-more-than.wav "The expected waiting time is more than"
say en-us en/minutes.wav "minutes."
say id id/main-menu.wav "Untuk tagihan, tekan 1. Untuk pengaduan, tekan 2. Untuk dihubungi kembali, tekan 3. Untuk berbicara dengan agen, tekan 0."
say id id/no-input.wav "Maaf, kami tidak menerima pilihan Anda."
say id id/closed-options.wav "Kami sedang tutup. Untuk dihubungi kembali, tekan 1. Untuk meninggalkan pesan, tekan 2."
say id id/leave-message.wav "Silakan tinggalkan pesan Anda setelah nada."
say id id/callback-confirm.wav "Kami akan menghubungi Anda kembali di nomor"
say id id/callback-press.wav "Untuk mengonfirmasi, tekan 1. Untuk memasukkan nomor lain, tekan 2."
say id id/callback-enter-number.wav "Silakan masukkan nomor telepon Anda, lalu tekan tanda pagar."
say id id/callback-done.wav "Terima kasih. Agen kami akan menghubungi Anda kembali."
say id id/expected-wait.wav "Perkiraan waktu tunggu sekitar"
say id id/wait-more-than.wav "Perkiraan waktu tunggu lebih dari"
say id id/minutes.wav "menit."

mkdir -p "$out/common"
# Voicemail beep: 1 kHz for 400 ms.
sox -D -n -r 8000 -c 1 -b 16 "$out/common/beep.wav" synth 0.4 sine 1000 vol 0.5
# Music on hold: a gentle 16-second loop of plucked chords (C, A minor, F, G), made with sox.
parts=()
i=0
for chord in "C4 E4 G4" "A3 C4 E4" "F3 A3 C4" "G3 B3 D4"; do
  for rep in 1 2; do
    set -- $chord
    sox -D -n -r 8000 -c 1 -b 16 "$tmp/part$i.wav" synth 2 pluck "$1" pluck "$2" pluck "$3" fade 0 2 0.3 vol 0.4
    parts+=("$tmp/part$i.wav")
    i=$((i + 1))
  done
done
sox -D "${parts[@]}" "$out/common/music-on-hold.wav" norm -6
echo "prompts written to $out"
