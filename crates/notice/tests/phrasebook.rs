//! How the recognisers read phrasings they were not written from: one or two
//! sentences per item, in the ways policies in English, Portuguese and
//! Russian say the same thing, each checked alone as a whole notice; and
//! sentences that look close but do not disclose the item.

mod common;

use juris_core::jiff::civil::date;
use juris_notice::{Format, ModuleItems, Notice, Status, evaluate};

fn status(module: &str, item: &str, text: &str) -> Status {
    let notice = Notice::parse(text, Format::Text);
    static MODULES: std::sync::OnceLock<Vec<ModuleItems>> = std::sync::OnceLock::new();
    let modules = MODULES.get_or_init(|| common::all_items().into_iter().map(ModuleItems::new).collect());
    let reports = evaluate(&notice, modules, date(2026, 12, 1));
    let report = reports.iter().find(|r| r.module == module).expect("module");
    report.items.iter().find(|i| i.id == item).unwrap_or_else(|| panic!("no item {module}/{item}")).status
}

const PRESENT: &[(&str, &str, &str)] = &[
    // eea-uk, English
    (
        "eea-uk",
        "controller-identity",
        "Acme Widgets Limited, of 1 High Street, Leeds, is the data controller responsible for your personal data.",
    ),
    ("eea-uk", "controller-identity", "The controller of your information is Beta Software GmbH."),
    ("eea-uk", "dpo-contact", "You can reach our Data Protection Officer at dpo@acme.example."),
    (
        "eea-uk",
        "representative",
        "We have appointed Rep Services Ltd as our representative in the European Union under Article 27 GDPR.",
    ),
    (
        "eea-uk",
        "legal-basis",
        "We rely on the following legal bases: performance of a contract, our legitimate interests and your consent.",
    ),
    ("eea-uk", "legal-basis", "Our lawful basis for sending the newsletter is consent."),
    ("eea-uk", "legitimate-interests", "We process usage data for our legitimate interest in preventing fraud."),
    ("eea-uk", "recipients", "We disclose personal data to our hosting providers and payment processors."),
    (
        "eea-uk",
        "transfers",
        "Your information may be transferred to, and processed in, countries outside the European Economic Area.",
    ),
    (
        "eea-uk",
        "transfer-safeguards",
        "Where we transfer data to the US we rely on the EU Standard Contractual Clauses.",
    ),
    ("eea-uk", "transfer-safeguards", "Such transfers are covered by an adequacy decision of the European Commission."),
    ("eea-uk", "retention", "We retain customer records for six years after the end of the contract."),
    ("eea-uk", "retention", "Server logs are deleted after 30 days."),
    ("eea-uk", "retention", "We keep your profile for as long as your account remains active."),
    ("eea-uk", "right-access", "You are entitled to obtain a copy of the personal data we hold about you."),
    ("eea-uk", "right-rectification", "You can ask us to correct inaccurate information."),
    ("eea-uk", "right-erasure", "You have the right to request that we erase your personal data."),
    ("eea-uk", "right-restriction", "You may ask us to restrict the processing of your data."),
    ("eea-uk", "right-objection", "You have the right to object to processing based on our legitimate interests."),
    (
        "eea-uk",
        "right-portability",
        "You can receive your data in a structured, commonly used and machine-readable format.",
    ),
    ("eea-uk", "withdraw-consent", "Where we rely on consent, you may withdraw it at any time."),
    (
        "eea-uk",
        "complaint-authority",
        "You can lodge a complaint with the Information Commissioner's Office or another supervisory authority.",
    ),
    ("eea-uk", "statutory-requirement", "If you do not provide your email address, we cannot create your account."),
    (
        "eea-uk",
        "automated-decisions",
        "We do not make decisions based solely on automated processing that produce legal effects concerning you.",
    ),
    (
        "eea-uk",
        "sources",
        "We also receive information about you from our business partners and from publicly available sources.",
    ),
    // eea-uk, Portuguese
    ("eea-uk", "right-portability", "Você pode solicitar a portabilidade dos seus dados."),
    ("eea-uk", "withdraw-consent", "Você pode revogar o seu consentimento a qualquer momento."),
    // california
    (
        "california",
        "categories-collected",
        "In the last 12 months we collected the following categories of personal information: identifiers, commercial information and geolocation data.",
    ),
    (
        "california",
        "sources",
        "We obtain personal information from the following categories of sources: you, your devices and our advertising partners.",
    ),
    (
        "california",
        "categories-disclosed",
        "We disclosed identifiers and internet activity information for a business purpose to our service providers.",
    ),
    (
        "california",
        "categories-sold-shared",
        "We do not sell your personal information and we do not share it for cross-context behavioral advertising.",
    ),
    (
        "california",
        "categories-sold-shared",
        "In the past 12 months we sold or shared the following categories of personal information: identifiers and inferences.",
    ),
    (
        "california",
        "right-know",
        "You have the right to know the categories and specific pieces of personal information we have collected about you.",
    ),
    ("california", "right-delete", "You may request that we delete the personal information we collected from you."),
    ("california", "right-correct", "You have the right to request correction of inaccurate personal information."),
    (
        "california",
        "right-opt-out",
        "You can opt out of the sale or sharing of your personal information through the Do Not Sell or Share My Personal Information link.",
    ),
    ("california", "right-opt-out", "We honor Global Privacy Control signals."),
    (
        "california",
        "right-limit",
        "You have the right to limit the use and disclosure of your sensitive personal information.",
    ),
    (
        "california",
        "non-discrimination",
        "We will not discriminate against you for exercising any of your CCPA rights.",
    ),
    (
        "california",
        "request-methods",
        "To submit a request, call us toll-free at 1-800-555-0100 or use our online request form.",
    ),
    ("california", "verification", "Before fulfilling your request we must verify your identity."),
    ("california", "authorized-agent", "You may designate an authorized agent to make a request on your behalf."),
    (
        "california",
        "minors-under-16",
        "We do not sell or share the personal information of consumers we know to be under 16 years of age.",
    ),
    ("california", "last-updated", "Last Updated: January 15, 2026"),
    // brazil, Portuguese
    ("brazil", "purpose", "Utilizamos seus dados para processar pagamentos e prevenir fraudes."),
    ("brazil", "form-duration", "Os dados são armazenados por 5 anos após o término do contrato."),
    ("brazil", "form-duration", "Mantemos suas informações enquanto sua conta estiver ativa."),
    (
        "brazil",
        "controller-identity",
        "A controladora dos seus dados é a Exemplo Comércio Ltda., inscrita no CNPJ sob nº 00.000.000/0001-00.",
    ),
    ("brazil", "controller-contact", "Em caso de dúvidas, entre em contato pelo e-mail contato@exemplo.com.br."),
    ("brazil", "shared-use", "Podemos compartilhar seus dados com parceiros de logística para a entrega dos produtos."),
    (
        "brazil",
        "agent-responsibilities",
        "Nossos fornecedores atuam como operadores e tratam os dados de acordo com as nossas instruções.",
    ),
    (
        "brazil",
        "rights",
        "Você pode solicitar o acesso aos seus dados, a correção de dados incompletos e a eliminação dos dados tratados com consentimento.",
    ),
    ("brazil", "rights", "Você pode exercer os direitos previstos no art. 18 da LGPD."),
    (
        "brazil",
        "encarregado",
        "O encarregado pelo tratamento de dados pessoais é João Silva, e-mail dpo@exemplo.com.br.",
    ),
    (
        "brazil",
        "international-transfer",
        "Seus dados podem ser armazenados em servidores localizados nos Estados Unidos.",
    ),
    (
        "brazil",
        "legal-basis",
        "Tratamos dados com base no consentimento, na execução de contrato e no cumprimento de obrigação legal.",
    ),
    // russia, Russian
    (
        "russia",
        "operator-identity",
        "Оператором является Общество с ограниченной ответственностью «Ромашка» (ОГРН 1234567890123).",
    ),
    (
        "russia",
        "purposes",
        "Персональные данные обрабатываются в целях исполнения договора и информирования о новых услугах.",
    ),
    (
        "russia",
        "legal-grounds",
        "Правовым основанием обработки являются Гражданский кодекс Российской Федерации и договор с субъектом.",
    ),
    (
        "russia",
        "categories",
        "Оператор обрабатывает следующие персональные данные: фамилия, имя, отчество, номер телефона.",
    ),
    ("russia", "subjects", "Политика распространяется на клиентов, работников и посетителей сайта."),
    (
        "russia",
        "actions-methods",
        "Оператор осуществляет сбор, запись, систематизацию, накопление, хранение, уточнение и уничтожение персональных данных.",
    ),
    (
        "russia",
        "actions-methods",
        "Обработка осуществляется смешанным способом, с использованием средств автоматизации и без их использования.",
    ),
    ("russia", "retention-destruction", "Персональные данные хранятся в течение 5 лет, после чего уничтожаются."),
    (
        "russia",
        "retention-destruction",
        "Персональные данные уничтожаются в течение 30 дней с даты достижения цели обработки.",
    ),
    ("russia", "cross-border", "Трансграничная передача персональных данных не осуществляется."),
    (
        "russia",
        "rights-procedure",
        "Субъект вправе требовать уточнения своих персональных данных. Запрос направляется на адрес электронной почты pd@romashka.ru.",
    ),
    (
        "russia",
        "storage-location",
        "Запись и хранение персональных данных граждан РФ осуществляются с использованием баз данных, находящихся на территории Российской Федерации.",
    ),
    // headings that name the rights, lists that name them by noun alone
    ("eea-uk", "right-access", "Your rights\n\n- Access\n- Rectification\n- Erasure\n"),
    ("eea-uk", "right-erasure", "Your rights\n\n- Access\n- Rectification\n- Erasure\n"),
    (
        "eea-uk",
        "right-portability",
        "YOUR DATA PROTECTION RIGHTS\n\nData portability: ask us for your data in a common format.\n",
    ),
    (
        "eea-uk",
        "transfers",
        "International transfers\n\nSome of our vendors are located in countries with different data protection laws.\n",
    ),
    // more English ways
    (
        "eea-uk",
        "controller-contact",
        "Write to us at Privacy Team, 20 Market Street, Dublin 2, or use the contact form on our website.",
    ),
    ("eea-uk", "retention", "Payment records are retained for 7 years to meet our accounting obligations."),
    ("eea-uk", "complaint-authority", "If you are unhappy, you can contact your local data protection authority."),
    ("eea-uk", "recipients", "Your information is shared with service providers who help us run the platform."),
    (
        "california",
        "non-discrimination",
        "We won't deny you goods or services or charge you a different price because you exercised your privacy rights.",
    ),
    (
        "california",
        "right-opt-out",
        "You have the right to opt-out of the selling or sharing of your personal information.",
    ),
    (
        "california",
        "verification",
        "We will ask you to confirm your identity using information associated with your account.",
    ),
    ("brazil", "international-transfer", "Your data may be transferred to and stored on servers in the United States."),
    (
        "brazil",
        "agent-responsibilities",
        "Our service providers act as data processors and may only process data on our behalf.",
    ),
    ("russia", "cross-border", "We do not transfer personal data outside the Russian Federation."),
    // russia, English
    (
        "russia",
        "storage-location",
        "Personal data of Russian citizens is stored in databases located in the Russian Federation.",
    ),
];

const MISSING: &[(&str, &str, &str)] = &[
    ("eea-uk", "retention", "We keep personal data only for as long as necessary for the purposes described."),
    ("eea-uk", "legal-basis", "We process your personal data lawfully and in compliance with the GDPR."),
    ("eea-uk", "automated-decisions", "You have the right not to be subject to automated decision-making."),
    ("eea-uk", "dpo-contact", "We have appointed a Data Protection Officer."),
    ("california", "categories-sold-shared", "We never sell your personal information."),
    ("california", "minors-under-16", "Our services are not directed to children under 13."),
    ("california", "right-opt-out", "We do not sell your personal information."),
    (
        "brazil",
        "form-duration",
        "Retemos seus dados pessoais somente pelo tempo necessário para cumprir as finalidades.",
    ),
    ("brazil", "rights", "Você pode solicitar informações sobre os seus dados."),
    ("russia", "retention-destruction", "Персональные данные обрабатываются до достижения целей обработки."),
    (
        "russia",
        "cross-border",
        "До начала осуществления трансграничной передачи персональных данных оператор обязан убедиться в том, что иностранным государством обеспечивается адекватная защита.",
    ),
    ("russia", "storage-location", "Персональные данные хранятся на защищенных серверах."),
];

#[test]
fn phrasings_are_recognised() {
    let failures: Vec<String> = PRESENT
        .iter()
        .filter(|(m, i, t)| status(m, i, t) != Status::Present)
        .map(|(m, i, t)| format!("{m}/{i} not found in: {t}"))
        .collect();
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn near_misses_are_not() {
    let failures: Vec<String> = MISSING
        .iter()
        .filter(|(m, i, t)| status(m, i, t) != Status::Missing)
        .map(|(m, i, t)| format!("{m}/{i} wrongly found in: {t}"))
        .collect();
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}
