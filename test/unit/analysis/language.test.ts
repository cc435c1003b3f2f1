import { describe, expect, it } from "vitest";
import { loadLanguageDetector } from "../../../src/analysis/language.js";

const detectLanguage = await loadLanguageDetector();

describe("detectLanguage", () => {
  it("is loaded once: every analyzer shares the same detector", async () => {
    expect(await loadLanguageDetector()).toBe(detectLanguage);
  });


  it("takes the feed's tag when there is one", () => {
    expect(detectLanguage("pt-BR", "The text is in English")).toBe("pt");
    expect(detectLanguage("zh-Hant", "")).toBe("zh");
  });

  it("decides by script where only one language of the tables uses it", () => {
    expect(detectLanguage(null, "ก.ล.ต. กล่าวโทษผู้ประกอบธุรกิจสินทรัพย์ดิจิทัลโดยไม่ได้รับอนุญาต")).toBe("th");
    expect(detectLanguage(null, "المركزي الإماراتي يصدر إرشادات جديدة لمزودي خدمات الأصول الافتراضية")).toBe("ar");
    expect(detectLanguage(null, "भारतीय रिजर्व बैंक ने क्रिप्टो पर नए दिशानिर्देश जारी किए")).toBe("hi");
    expect(detectLanguage(null, "रिजर्व बैंक ने कहा है कि क्रिप्टो का कारोबार जोखिम भरा है")).toBe("hi");
    expect(detectLanguage(null, "राष्ट्र बैंकले क्रिप्टो कारोबार गैरकानुनी रहेको भन्दै निर्देशन दिएको छ")).toBe("ne");
    expect(detectLanguage(null, "금융위원회는 가상자산 거래소 규제를 강화한다고 밝혔다")).toBe("ko");
    expect(detectLanguage(null, "רשות ניירות ערך פרסמה הנחיות חדשות לחברות קריפטו")).toBe("he");
    expect(detectLanguage(null, "বাংলাদেশ ব্যাংক নীতি সুদহার কমিয়েছে")).toBe("bn");
    expect(detectLanguage(null, "ეროვნულმა ბანკმა განაკვეთი უცვლელად დატოვა")).toBe("ka");
    expect(detectLanguage(null, "Կենտրոնական բանկը վերաֆինանսավորման տոկոսադրույքը իջեցրել է")).toBe("hy");
    expect(detectLanguage(null, "የኢትዮጵያ ብሔራዊ ባንክ የፖሊሲ ተመን ባለበት እንዲቆይ ወስኗል")).toBe("am");
    expect(detectLanguage(null, "ශ්‍රී ලංකා මහ බැංකුව ප්‍රතිපත්ති පොලී අනුපාතික පහත දමා ඇත")).toBe("si");
    expect(detectLanguage(null, "இந்திய ரிசர்வ் வங்கி ரெப்போ வட்டி விகிதத்தை உயர்த்தியது")).toBe("ta");
    expect(detectLanguage(null, "રિઝર્વ બેંકે રેપો રેટ 6.5 ટકા પર યથાવત રાખ્યો છે")).toBe("gu");
    expect(detectLanguage(null, "రిజర్వ్ బ్యాంక్ రెపో రేటును యథాతథంగా ఉంచింది")).toBe("te");
    // Persian and Urdu by the letters Arabic lacks.
    expect(detectLanguage(null, "وزارت فرهنگ و ارشاد اسلامی اعلام کرد که تبلیغات رمزارزها ممنوع است")).toBe("fa");
    expect(detectLanguage(null, "اسٹیٹ بینک آف پاکستان نے شرح سود میں کمی کر دی ہے اور نئی پالیسی جاری کی")).toBe("ur");
    expect(detectLanguage(null, "أعلن البنك المركزي المصري خفض أسعار الفائدة بمقدار نقطتين")).toBe("ar");
  });

  it("asks the n-gram detector for Latin and Cyrillic text", () => {
    expect(detectLanguage(null, "Die Bundesanstalt für Finanzdienstleistungsaufsicht warnt Verbraucher vor Anbietern ohne Erlaubnis.")).toBe("de");
    expect(detectLanguage(undefined, "La Comisión Nacional del Mercado de Valores impuso una multa a la plataforma por operar sin autorización.")).toBe("es");
    expect(detectLanguage(null, "Sermaye Piyasası Kurulu, kripto varlık hizmet sağlayıcılarının faaliyet izni için yeni düzenleme yaptı.")).toBe("tr");
    expect(detectLanguage(null, "Верховна Рада ухвалила закон про віртуальні активи та їх оподаткування.")).toBe("uk");
    expect(detectLanguage(null, "Банк России предложил ограничить покупки криптовалюты для неквалифицированных инвесторов.")).toBe("ru");
  });
});
