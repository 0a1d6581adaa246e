#!/usr/bin/env python3
"""Writes labels/<slug>.toml for the CONSTRUCTED holdout policies from the
hand judgements below, finding each quote's line (and checking it is verbatim
and at most 120 characters), as the corpus labels were made. Stdlib only."""
import json, pathlib
HERE = pathlib.Path(__file__).parent
P, M = "present", "missing"
SPECS = {
 "northwind-privacy-notice.md": {"language": "en", "format": "md", "modules": {
  "eea-uk": {"basis": "section", "section": "## 7. People in the European Economic Area and the United Kingdom", "items": {
    "controller-identity": (P, "Northwind Analytics, Inc. is the controller"),
    "controller-contact": (P, "Questions go to privacy@northwind.example"),
    "dpo-contact": (M, None),
    "representative": (P, "Our representative in the EU is EuroRep GmbH"),
    "purposes": (P, "We use personal information to run and secure the dashboard"),
    "legal-basis": (P, "it is needed to perform our contract with you"),
    "legitimate-interests": (P, "because of our legitimate interests (keeping the service secure"),
    "recipients": (P, "We rely on vendors that host our servers"),
    "transfers": (P, "your data leaves the EEA and UK"),
    "transfer-safeguards": (P, "the European Commission's standard contractual clauses"),
    "retention": (P, "are erased within 90 days after you close it"),
    "right-access": (P, "You may ask for a copy of your data"),
    "right-rectification": (P, "have inaccurate data fixed"),
    "right-erasure": (P, "have data deleted"),
    "right-restriction": (P, "ask us to restrict processing while a dispute is resolved"),
    "right-objection": (P, "object to processing based on legitimate interests"),
    "right-portability": (M, None),
    "withdraw-consent": (P, "which you may take back at any time"),
    "complaint-authority": (P, "the right to complain to the data protection authority"),
    "statutory-requirement": (P, "To use the dashboard you must give us an email address"),
    "automated-decisions": (M, None),
    "sources": (P, "Some comes from your employer"),
    "categories": (P, "name, work email, company, password hash"),
  }},
  "california": {"basis": "section", "section": "## 8. California residents", "items": {
    "categories-collected": (P, "In the past 12 months we collected these categories of personal information"),
    "sources": (P, "We collected them from you, from your employer and from our payment processor"),
    "purposes": (P, "for the purposes in section 2"),
    "categories-disclosed": (P, "We disclosed identifiers, commercial information and network activity for business purposes"),
    "categories-sold-shared": (P, "We have not sold or shared personal information in the past 12 months"),
    "third-party-categories": (P, "to service providers: hosting, payments and email vendors"),
    "right-know": (P, "You have the right to know what personal information we collected about you"),
    "right-delete": (P, "to delete it"),
    "right-correct": (P, "to correct it"),
    "right-opt-out": (P, "to opt out of sale or sharing"),
    "right-limit": (M, None),
    "non-discrimination": (P, "We will not discriminate against you for using these rights."),
    "request-methods": (P, "To make a request, email privacy@northwind.example or call 1-800-555-0199."),
    "verification": (P, "We will confirm your identity"),
    "authorized-agent": (M, None),
    "minors-under-16": (P, "no actual knowledge of selling or sharing the information of consumers under 16"),
    "retention": (P, "Retention periods are in section 4."),
    "last-updated": (P, "_Revised: 3 March 2025_"),
  }},
  "brazil": {"basis": "general", "items": {
    "purpose": (P, "We use personal information to run and secure the dashboard"),
    "form-duration": (P, "are erased within 90 days after you close it"),
    "controller-identity": (P, "Northwind Analytics, Inc., a Delaware corporation"),
    "controller-contact": (P, "Questions go to privacy@northwind.example"),
    "shared-use": (P, "We rely on vendors that host our servers"),
    "agent-responsibilities": (P, "They act only on our written instructions"),
    "rights": (M, None),
    "encarregado": (M, None),
    "international-transfer": (P, "Our servers are in the United States (Oregon)."),
    "legal-basis": (M, None),
  }},
  "russia": {"basis": "general", "items": {
    "operator-identity": (P, "Northwind Analytics, Inc., a Delaware corporation"),
    "purposes": (P, "We use personal information to run and secure the dashboard"),
    "legal-grounds": (M, None),
    "categories": (P, "name, work email, company, password hash"),
    "subjects": (P, "This notice applies to everyone who uses them"),
    "actions-methods": (M, None),
    "retention-destruction": (P, "are erased within 90 days after you close it"),
    "cross-border": (P, "Our servers are in the United States (Oregon)."),
    "rights-procedure": (M, None),
    "storage-location": (M, None),
  }},
 }},
 "loja-aurora-politica-de-privacidade.html": {"language": "pt-BR", "format": "html", "modules": {
  "eea-uk": {"basis": "not-addressed"}, "california": {"basis": "not-addressed"}, "russia": {"basis": "not-addressed"},
  "brazil": {"basis": "general", "items": {
    "purpose": (P, "processar pedidos, pagamentos e entregas;"),
    "form-duration": (P, "são mantidos por 5 anos após a compra"),
    "controller-identity": (P, "AURORA COMÉRCIO DE UTILIDADES LTDA., inscrita no CNPJ sob o nº 12.345.678/0001-90"),
    "controller-contact": (P, "com sede na Rua das Palmeiras, 250, Curitiba/PR"),
    "shared-use": (P, "Compartilhamos os dados estritamente necessários com transportadoras"),
    "agent-responsibilities": (M, None),
    "rights": (P, "Nos termos do art. 18 da LGPD, você pode solicitar a qualquer momento"),
    "encarregado": (P, "Nossa encarregada é Mariana Souza"),
    "international-transfer": (M, None),
    "legal-basis": (P, "Tratamos seus dados para a execução do contrato de compra e venda"),
  }},
 }},
 "ooo-severnyi-veter-politika.txt": {"language": "ru", "format": "txt", "modules": {
  "eea-uk": {"basis": "not-addressed"}, "california": {"basis": "not-addressed"}, "brazil": {"basis": "not-addressed"},
  "russia": {"basis": "general", "items": {
    "operator-identity": (P, "обществом с ограниченной ответственностью «Северный ветер»"),
    "purposes": (P, "Оператор обрабатывает персональные данные, чтобы заключать и исполнять договоры"),
    "legal-grounds": (P, "Обработка ведётся на основании Гражданского кодекса Российской Федерации"),
    "categories": (P, "Покупатели: фамилия, имя, номер телефона"),
    "subjects": (P, "от посетителей сайта, покупателей интернет-магазина и работников"),
    "actions-methods": (P, "сбор, запись, систематизацию, накопление, хранение"),
    "retention-destruction": (P, "Данные покупателей хранятся в течение трёх лет после последнего заказа"),
    "cross-border": (M, None),
    "rights-procedure": (P, "направляет запрос в письменной форме по адресу Оператора"),
    "storage-location": (M, None),
  }},
 }},
}

def q(s):
    return json.dumps(s, ensure_ascii=False)

for slug, spec in SPECS.items():
    lines = (HERE / "corpus" / slug).read_text().split("\n")
    def find(quote):
        assert len(quote) <= 120, quote
        hits = [i + 1 for i, l in enumerate(lines) if quote in l]
        assert hits, f"{slug}: quote not found: {quote}"
        return hits[0]
    out = [f"file = {q(slug)}", 'source = "CONSTRUCTED (tests/holdout): written for juris-notice from the law; no real company"',
           f"language = {q(spec['language'])}", f"format = {q(spec['format'])}", "constructed = true", 'licence = "Apache-2.0 (part of juris)"', ""]
    for module, m in spec["modules"].items():
        addressed = "items" in m
        out.append(f"[modules.{module}]")
        out.append(f"addressed = {'true' if addressed else 'false'}")
        out.append(f"basis = {q(m['basis'])}")
        if "section" in m:
            title = m["section"].lstrip("# ")
            out.append(f"section = {{ line = {find(m['section'])}, title = {q(title)} }}")
        out.append("")
        if addressed:
            out.append(f"[modules.{module}.items]")
            for item, (status, quote) in m["items"].items():
                if quote:
                    out.append(f"{item} = {{ status = {q(status)}, line = {find(quote)}, quote = {q(quote)} }}")
                else:
                    out.append(f"{item} = {{ status = {q(status)} }}")
            out.append("")
    (HERE / "labels" / (slug.rsplit(".", 1)[0] + ".toml")).write_text("\n".join(out))
print("ok")
