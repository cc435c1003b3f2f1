import { describe, expect, it } from "vitest";
import { createAnalyzer } from "../../../src/analysis/index.js";

const analyzer = await createAnalyzer();
const topicsOf = (title: string, text: string) => analyzer.analyze({ title, text }).topics;

describe("topics: who is regulated supports a topic, what was done to them makes it", () => {
  it("adds exchange licensing when the title or lead acts on VASPs, not when they are named further down", () => {
    expect(
      topicsOf(
        "Central bank of Ruritania issues anti-money laundering guidance for VASPs",
        "The Central Bank of Ruritania issued guidance on anti-money laundering and KYC checks for virtual asset service providers.",
      ),
    ).toEqual(["aml", "exchange-licensing"]);
    expect(
      topicsOf(
        "Central bank of Ruritania issues anti-money laundering guidance",
        "The Central Bank of Ruritania issued guidance on anti-money laundering and KYC checks for banks. " +
          "Officials expect the guidance to matter for fintechs. Some of those are VASPs, the bank noted.",
      ),
    ).toEqual(["aml"]);
  });

  it("makes a bill for crypto exchanges about exchange licensing in any language", () => {
    expect(topicsOf("", "Правительство внесло законопроект о криптобиржах. Документ вступит в силу в 2027 году.")).toContain("exchange-licensing");
    expect(topicsOf("La CNMV publica preguntas y respuestas para proveedores de servicios de criptoactivos", "El documento aclara la aplicación de MiCA.")).toContain("exchange-licensing");
  });

  it("does not add exchange licensing to a tax rule because the trading is licensed", () => {
    const topics = topicsOf(
      "Ruritania cuts income tax on gains from licensed crypto trading",
      "The finance ministry approved a tax exemption on capital gains from crypto sold through licensed operators.",
    );
    expect(topics).toEqual(["tax"]);
  });

  it("still finds exchange licensing when a licence is granted or missing", () => {
    expect(topicsOf("Regulator grants a licence to a crypto exchange", "The regulator granted an operating licence to the crypto exchange on Monday.")).toContain("exchange-licensing");
    expect(topicsOf("Watchdog warns about an unlicensed crypto platform", "The watchdog warned investors that the crypto platform operates without a licence.")).toContain("exchange-licensing");
  });
});

describe("topics: two weak terms in one sentence", () => {
  it("make the topic together: registration (what) of service providers (who)", () => {
    expect(topicsOf("Regulator requires registration of virtual asset service providers", "Providers have six months to comply.")).toContain("exchange-licensing");
    expect(topicsOf("OJK mewajibkan pendaftaran platform kripto", "Otoritas Jasa Keuangan menerbitkan peraturan yang mewajibkan pendaftaran platform kripto mulai 2027.")).toContain("exchange-licensing");
  });

  it("but one of them alone is a passing mention", () => {
    expect(topicsOf("Tax office sets new tax rules for crypto traders", "Profits from crypto sold on exchanges are taxed at 15% from 2027, the tax office said.")).toEqual(["tax"]);
  });
});

describe("topics: an authority named for its mandate", () => {
  it("makes an item about AML when the anti-money laundering authority acts, in any language", () => {
    expect(topicsOf("", "The EU Anti-Money Laundering Authority will supervise high-risk crypto firms from 2028. The authority adopted its first rules.")).toContain("aml");
    expect(topicsOf("", "Die Anti-Geldwäsche-Behörde der EU wird ab 2028 Kryptofirmen beaufsichtigen. Die Behörde beschloss erste Regeln.")).toContain("aml");
  });

  it("does not make every item of a futures regulator about derivatives", () => {
    const topics = topicsOf(
      "Securities and Futures Commission warns of fraudulent crypto website",
      "The Securities and Futures Commission warned the public about a website that claims to sell crypto tokens.",
    );
    expect(topics).not.toContain("derivatives");
    expect(topics).toContain("enforcement");
  });
});

describe("topics: an authority whose mandate is a topic", () => {
  it("makes an item about AML when a financial intelligence unit leads it, not when it is thanked further down", () => {
    expect(topicsOf("", "FinCEN fined a crypto exchange $3 million for failing to file reports. The exchange paid the penalty.")).toContain("aml");
    expect(
      topicsOf(
        "",
        "The central bank lifted the ban on crypto trading by banks. It said the change was prepared with the ministry. " +
          "Officials thanked FinCEN and other agencies for their advice on the change.",
      ),
    ).not.toContain("aml");
  });
});

describe("topics: securities law applied to tokens", () => {
  it("finds securities classification in unregistered offers and sales of securities", () => {
    const topics = topicsOf(
      "Regulator charges staking provider over unregistered offers of securities",
      "The regulator charged the firm with the unregistered offer and sale of securities through its staking service.",
    );
    expect(topics).toEqual(expect.arrayContaining(["enforcement", "staking", "securities-classification"]));
  });
});

describe("topics: warnings", () => {
  it("makes a warning about named or unlicensed firms enforcement, and a warning about risks in general not", () => {
    expect(topicsOf("Regulator warns of unlicensed crypto platform", "The regulator warned investors that the platform is not licensed and added it to its alert list.")).toContain("enforcement");
    expect(topicsOf("", "La autoridad advierte sobre una plataforma no autorizada que ofrece criptomonedas a inversores.")).toContain("enforcement");
    expect(topicsOf("Central bank warns about the risks of crypto", "The central bank warned consumers that crypto-assets are volatile and that they could lose all their money.")).not.toContain("enforcement");
    expect(topicsOf("", "El banco central advierte sobre los riesgos de invertir en criptomonedas.")).not.toContain("enforcement");
  });
});

describe("topics: a broad act beside the specific topics", () => {
  it("adds 'other' when the title or the lead's first two sentences name a broad act", () => {
    const text = "The regulator published licensing rules for crypto exchanges on Monday. The rules are part of a comprehensive regime for digital assets. Exchanges must apply by June.";
    expect(topicsOf("Regulator sets licensing rules for crypto exchanges", text)).toEqual(["exchange-licensing", "other"]);
    expect(topicsOf("Regulator sets licensing rules for crypto exchanges", "The regulator published licensing rules for crypto exchanges on Monday. Exchanges must apply by June. Officials said more work was needed. The rules are part of a comprehensive regime for digital assets.")).toEqual(["exchange-licensing"]);
  });
});
