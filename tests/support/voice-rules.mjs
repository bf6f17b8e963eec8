// The voice guide's checkable rules (locales/README.md), per locale: words that must not appear
// where the guide forbids them. Used by tests/js/messages-voice.test.mjs against the built packs.
//
// Each locale names, as regular expressions over its own words:
//   reload      "refresh/reload the page": never in the actions that must keep the user's work
//   connection  the connection or network: never in the timeout kind (its cause is unknown)
//   progressive the present progressive ("is taking"): never in the timeout title or message
//   register    the form of address the locale does not use (one register throughout)
//   support     "contact support": only in actions of the supportLink variants
//   wait        what reads wrong in the locale's wait sentence once Intl has filled {when}

/** A word of `words` standing alone (JavaScript's \b only knows ASCII letters). */
const word = (words, flags = 'u') => new RegExp(`(?<![\\p{L}\\p{M}])(?:${words.join('|')})(?![\\p{L}\\p{M}])`, flags);
const any = (words, flags = 'u') => new RegExp(words.join('|'), flags);

/** Faults any wait sentence can have: a bracketed digit (Hebrew "(1)"), a doubled space, a lowercase start. */
export const WAIT_FAULTS = [/\(\p{Nd}+\)/u, /\s{2}/u, /^\p{Ll}/u, /\{when\}|\{n\}/u];

export const RULES = {
  en: { reload: word(['refresh', 'reload'], 'iu'), connection: word(['connection', 'network', 'internet'], 'iu'),
    progressive: /\b(?:is|are|'s|'re)\s+\w+ing\b|\btaking\b/iu, register: word(['please'], 'iu'), support: /support/iu },
  ar: { reload: any(['تحديث', 'إعادة تحميل']), connection: any(['اتصال', 'الشبكة', 'الإنترنت']), progressive: any(['يستغرق']),
    register: word(['حاول', 'حاولي', 'تحقق', 'تحققي', 'انتظر', 'انتظري', 'ارجع', 'ارجعي', 'أنت', 'أنتِ']), support: any(['الدعم']),
    wait: any(['خلال', 'غدًا']) },
  bn: { reload: any(['রিফ্রেশ', 'আবার লোড', 'রিলোড']), connection: any(['সংযোগ', 'নেটওয়ার্ক', 'ইন্টারনেট']), progressive: any(['হচ্ছে', 'লাগছে']),
    register: word(['তুমি', 'তোমার', 'তুই', 'তোর', 'করো']), support: any(['সহায়তা', 'সাপোর্ট']),
    wait: any(['মধ্যে', 'সেকেন্ডে', 'মিনিটে', 'ঘণ্টায়']) },
  cs: { reload: any(['obnov', 'znovu načt', 'načtěte znovu'], 'iu'), connection: any(['připojení', 'síť', 'internet'], 'iu'), progressive: word(['trvá'], 'iu'),
    register: word(['ty', 'tvůj', 'tvoje', 'tebe', 'zkus', 'zkontroluj', 'vrať'], 'iu'), support: any(['podpor'], 'iu') },
  da: { reload: any(['opdater', 'genindlæs'], 'iu'), connection: any(['forbindelse', 'netværk', 'internet'], 'iu'), progressive: any(['tager for lang'], 'iu'),
    register: word(['De', 'Dem', 'Deres']), support: any(['support', 'kundeservice'], 'iu') },
  de: { reload: any(['aktualisier', 'neu lad', 'neu geladen'], 'iu'), connection: any(['verbindung', 'netzwerk', 'internet'], 'iu'), progressive: word(['dauert'], 'iu'),
    register: word(['du', 'Du', 'dich', 'dir', 'dein', 'deine', 'deinen', 'deiner']), support: any(['support', 'kundendienst'], 'iu') },
  el: { reload: any(['ανανέω', 'ανανεώ', 'επαναφόρτ'], 'iu'), connection: any(['σύνδεσ', 'δίκτυο', 'διαδίκτυο'], 'iu'), progressive: any(['διαρκεί', 'παίρνει'], 'iu'),
    register: word(['σου', 'εσύ', 'δοκίμασε', 'έλεγξε', 'περίμενε', 'επίστρεψε'], 'iu'), support: any(['υποστήριξη'], 'iu') },
  es: { reload: any(['actualic', 'actualiz', 'recarg'], 'iu'), connection: any(['conexión', 'internet'], 'iu'), progressive: any(['está tardando', 'tardando'], 'iu'),
    register: word(['tú', 'tu', 'tus', 'te', 'ti', 'puedes', 'vuelve', 'intenta', 'revisa', 'comprueba'], 'iu'), support: any(['soporte', 'asistencia'], 'iu') },
  fa: { reload: any(['بازخوانی', 'تازه‌سازی', 'تازه سازی', 'بارگذاری مجدد', 'رفرش']), connection: any(['اتصال', 'شبکه', 'اینترنت']), progressive: any(['دارد طول', 'در حال']),
    register: word(['تو', 'کن', 'بکن']), support: any(['پشتیبانی']) },
  fi: { reload: any(['päivitä', 'lataa uudelleen', 'lataa sivu'], 'iu'), connection: any(['yhtey', 'verkko', 'internet'], 'iu'), progressive: any(['kestää'], 'iu'),
    register: word(['Te', 'Teidän', 'Teitä', 'yrittäkää', 'tarkistakaa', 'odottakaa']), support: any(['tuki', 'tuke', 'asiakaspalvelu'], 'iu') },
  fr: { reload: any(['actualis', 'recharg'], 'iu'), connection: any(['connexion', 'réseau', 'internet'], 'iu'), progressive: any(['prend trop', 'en train'], 'iu'),
    register: word(['tu', 'toi', 'ton', 'ta', 'tes', 'veuillez'], 'iu'), support: any(['assistance', 'support'], 'iu') },
  he: { reload: any(['רענ', 'טעינה מחדש', 'לטעון מחדש', 'טען מחדש']), connection: any(['חיבור', 'רשת', 'אינטרנט']), progressive: any(['לוקח']),
    register: word(['נסה', 'נסי', 'בדוק', 'בדקי', 'חזור', 'חזרי', 'המתן', 'המתיני', 'אתה']), support: any(['תמיכה']),
    wait: /\(/u },
  hi: { reload: any(['रीफ़्रेश', 'रिफ्रेश', 'रीफ्रेश', 'फिर से लोड', 'दोबारा लोड']), connection: any(['कनेक्शन', 'नेटवर्क', 'इंटरनेट']), progressive: any(['रहा है', 'रही है']),
    register: word(['तुम', 'तू', 'तुम्हारा', 'तेरा', 'करो']), support: any(['सहायता', 'सपोर्ट']),
    wait: word(['में']) },
  hu: { reload: any(['frissít', 'újratölt'], 'iu'), connection: any(['kapcsolat', 'hálózat', 'internet'], 'iu'), progressive: word(['tart'], 'iu'),
    register: word(['te', 'téged', 'neked', 'próbáld', 'ellenőrizd', 'várj', 'menj'], 'iu'), support: any(['ügyfélszolgálat', 'támogatás'], 'iu') },
  id: { reload: any(['muat ulang', 'segarkan', 'refresh'], 'iu'), connection: any(['koneksi', 'jaringan', 'internet'], 'iu'), progressive: word(['sedang'], 'iu'),
    register: word(['kamu', 'kau', 'mu'], 'iu'), support: any(['dukungan', 'bantuan'], 'iu') },
  it: { reload: any(['aggiorn', 'ricaric'], 'iu'), connection: any(['connessione', 'rete', 'internet'], 'iu'), progressive: any(['sta impiegando', 'sta richiedendo'], 'iu'),
    register: word(['Lei', 'Suo', 'Sua', 'Suoi', 'Sue', 'riprovi', 'controlli', 'verifichi', 'torni']), support: any(['assistenza', 'supporto'], 'iu') },
  ja: { reload: any(['再読み込み', '更新', 'リロード']), connection: any(['接続', 'ネットワーク', 'インターネット']), progressive: any(['ています', 'ている']),
    register: any(['しろ', 'してね', 'だよ']), support: any(['サポート']),
    wait: /\p{Nd}\s|今に/u },
  ko: { reload: any(['새로고침', '새로 고침', '다시 로드']), connection: any(['연결', '네트워크', '인터넷']), progressive: any(['걸리고 있', '중입니다']),
    register: word(['너', '네가', '해라']), support: any(['지원팀', '고객센터', '고객 지원']),
    wait: any(['지금에']) },
  ms: { reload: any(['muat semula', 'segar semula', 'refresh'], 'iu'), connection: any(['sambungan', 'rangkaian', 'internet'], 'iu'), progressive: word(['sedang'], 'iu'),
    register: word(['kamu', 'awak', 'engkau'], 'iu'), support: any(['sokongan', 'bantuan'], 'iu') },
  nb: { reload: any(['oppdater', 'last inn på nytt', 'laste inn på nytt'], 'iu'), connection: any(['tilkobling', 'forbindelse', 'nettverk', 'internett'], 'iu'), progressive: any(['tar for lang'], 'iu'),
    register: word(['De', 'Dem', 'Deres']), support: any(['brukerstøtte', 'kundeservice', 'støtte'], 'iu') },
  nl: { reload: any(['vernieuw', 'herlaad', 'opnieuw laden', 'ververs'], 'iu'), connection: any(['verbinding', 'netwerk', 'internet'], 'iu'), progressive: word(['duurt'], 'iu'),
    register: word(['je', 'jij', 'jouw', 'jou'], 'iu'), support: any(['support', 'ondersteuning', 'klantenservice'], 'iu') },
  pl: { reload: any(['odśwież', 'przeładuj', 'załaduj ponownie'], 'iu'), connection: any(['połącz', 'sieć', 'internet'], 'iu'), progressive: word(['trwa'], 'iu'),
    register: word(['Pan', 'Pani', 'Państwo', 'Pana']), support: any(['pomoc', 'wsparci'], 'iu') },
  pt: { reload: any(['atualiz', 'recarreg'], 'iu'), connection: any(['conexão', 'rede', 'internet'], 'iu'), progressive: any(['está demorando', 'a demorar'], 'iu'),
    register: word(['tu', 'teu', 'tua', 'teus', 'tuas', 'podes', 'tenta', 'volta'], 'iu'), support: any(['suporte'], 'iu') },
  ro: { reload: any(['reîmprospăt', 'reîncărc', 'reincarc'], 'iu'), connection: any(['conexiun', 'rețea', 'internet'], 'iu'), progressive: any(['durează'], 'iu'),
    register: word(['tu', 'tău', 'tale', 'încearcă', 'revino'], 'iu'), support: any(['asisten', 'suport'], 'iu') },
  ru: { reload: any(['обнов', 'перезагруз'], 'iu'), connection: any(['подключ', 'соедин', 'сеть', 'интернет'], 'iu'), progressive: any(['занимает', 'идёт', 'идет'], 'iu'),
    register: word(['ты', 'тебя', 'тебе', 'твой', 'твоя', 'твои', 'твоё'], 'iu'), support: any(['поддержк'], 'iu') },
  sv: { reload: any(['uppdatera', 'ladda om'], 'iu'), connection: any(['anslutning', 'nätverk', 'internet'], 'iu'), progressive: any(['tar för lång'], 'iu'),
    register: word(['Ni', 'Er', 'Ert', 'Era']), support: any(['support', 'kundtjänst'], 'iu') },
  th: { reload: any(['รีเฟรช', 'โหลดซ้ำ', 'โหลดใหม่']), connection: any(['การเชื่อมต่อ', 'เครือข่าย', 'อินเทอร์เน็ต']), progressive: any(['กำลัง']),
    register: any(['เธอ', 'มึง']), support: any(['ฝ่ายสนับสนุน', 'ทีมสนับสนุน', 'ฝ่ายช่วยเหลือ']) },
  tr: { reload: any(['yenile', 'yeniden yükle'], 'iu'), connection: any(['bağlantı', 'internet'], 'iu'), progressive: any(['sürüyor'], 'iu'),
    register: word(['sen', 'seni', 'senin', 'dene', 'bekle', 'kontrol et'], 'iu'), support: any(['destek'], 'iu') },
  uk: { reload: any(['онов', 'перезавантаж'], 'iu'), connection: any(['підключ', "з'єднан", 'з’єднан', 'мереж', 'інтернет'], 'iu'), progressive: any(['триває', 'займає'], 'iu'),
    register: word(['ти', 'тебе', 'твій', 'твоя', 'твої'], 'iu'), support: any(['підтримк'], 'iu') },
  vi: { reload: any(['tải lại', 'làm mới'], 'iu'), connection: any(['kết nối', 'mạng', 'internet'], 'iu'), progressive: word(['đang'], 'iu'),
    register: word(['mày', 'cậu', 'quý khách'], 'iu'), support: any(['hỗ trợ'], 'iu') },
  zh: { reload: any(['刷新', '重新加载', '重新载入']), connection: any(['连接', '网络', '互联网']), progressive: any(['正在']),
    register: any(['你']), support: any(['客服', '支持团队']), wait: any(['现在']) },
  'zh-Hant': { reload: any(['重新整理', '重新載入', '刷新']), connection: any(['連線', '網路', '網際網路']), progressive: any(['正在']),
    register: any(['你']), support: any(['客服', '支援團隊']), wait: /\p{Nd}\s|現在/u },
};

/** The actions that must keep the user's work: no reload there. */
export const KEEP_WORK = ['bad_request', 'conflict', 'precondition_failed', 'validation_failed', 'client_error', 'unknown'];

/** The kinds whose supportLink variant must mention support. */
export const SUPPORT_KINDS = ['forbidden', 'server_error', 'unknown'];
