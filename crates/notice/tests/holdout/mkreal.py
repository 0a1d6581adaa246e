#!/usr/bin/env python3
"""Writes labels/<slug>.toml for the REAL public policies in the holdout from
the hand judgements below, finding each quote's line (and checking it is
verbatim and at most 120 characters), as mklabels.py does for the constructed
ones. The judgements were made by reading each policy before running the
tool, per ../LABELLING.md; they are not changed to fit the tool. Stdlib only."""
import json, pathlib
HERE = pathlib.Path(__file__).parent
P, M, NA = "present", "missing", "not-applicable"
NOT_EN = {"basis": "not-addressed", "note": "a Russian translation: the module reads English and Portuguese, so the region is judged on another language version"}
SPECS = {
 "onetimesecret-privacy-statement.md": {
  "meta": {"source": "https://onetimesecret.com/info/privacy (the policy's own link to its repository: https://github.com/onetimesecret/site-policy)",
           "repository": "onetimesecret/site-policy", "commit": "eedf485ebb3c754282764f458c623caf1ffef626", "path": "onetime-privacy-statement.md",
           "taken": "2026-12-01", "trimmed": "no (verbatim file, including its YAML front matter)", "licence": "CC0 1.0 (stated in the policy and the repository LICENSE.md)"},
  "language": "en", "format": "md", "modules": {
  "eea-uk": {"basis": "general", "items": {
    "controller-identity": (M, None, "only the brand onetimesecret.com; no legal entity is named"),
    "controller-contact": (P, "should be directed to support@onetimesecret.com"),
    "dpo-contact": (M, None),
    "representative": (M, None, "no EU/UK establishment or representative stated"),
    "purposes": (P, "We collect this information to better understand how our website visitors use onetimesecret.com"),
    "legal-basis": (P, "We collect your information only with your consent", "consent is named as the one basis for all collection (hard)"),
    "legitimate-interests": (M, None, "no legitimate interests are relied on or described"),
    "recipients": (P, "We may share User Personal Information with a limited number of third-party vendors"),
    "transfers": (P, "stored and processed in either our European Union (EU) or United States (US) data centers"),
    "transfer-safeguards": (P, "including signing data transfer agreements such as Standard Contractual Clause agreements"),
    "retention": (P, "we will retain your account information indefinitely"),
    "right-access": (P, "We offer you simple methods of accessing, correcting, or deleting the data we have collected."),
    "right-rectification": (P, "We offer you simple methods of accessing, correcting, or deleting the data we have collected."),
    "right-erasure": (P, "We offer you simple methods of accessing, correcting, or deleting the data we have collected."),
    "right-restriction": (M, None),
    "right-objection": (P, "There's an unsubscribe link located at the bottom of each of the emails we send you.", "opt-out of marketing e-mail only (Art. 21(2))"),
    "right-portability": (M, None),
    "withdraw-consent": (M, None),
    "complaint-authority": (M, None, "complaints go only to the company"),
    "statutory-requirement": (P, "we require some basic information at the time of account creation"),
    "automated-decisions": (M, None),
    "sources": (NA, "the text describes collection only from the user and their browser"),
    "categories": (P, "Information such as a user name and password, an email address, a real name, and a photograph"),
  }},
  "california": {"basis": "general", "items": {
    "categories-collected": (P, "The information we collect about all visitors to our website includes the visitor's browser type"),
    "sources": (M, None, "sources are only implicit (the visitor's browser, what the user gives)"),
    "purposes": (P, "We collect this information to better understand how our website visitors use onetimesecret.com"),
    "categories-disclosed": (P, "We may share User Personal Information with a limited number of third-party vendors", "one defined category, User Personal Information (hard)"),
    "categories-sold-shared": (P, "share, sell, rent, or trade User Personal Information with third parties for their commercial purposes"),
    "third-party-categories": (P, "We may share User Personal Information with a limited number of third-party vendors"),
    "right-know": (P, "you may access, update, alter, or delete your basic user profile information"),
    "right-delete": (P, "you may access, update, alter, or delete your basic user profile information"),
    "right-correct": (P, "you may access, update, alter, or delete your basic user profile information"),
    "right-opt-out": (M, None),
    "right-limit": (M, None, "'we do not intentionally collect sensitive personal information', but account log-in credentials are sensitive PI (Civ. Code 1798.140(ae))"),
    "non-discrimination": (M, None),
    "request-methods": (P, "or contacting support@onetimesecret.com"),
    "verification": (M, None),
    "authorized-agent": (M, None),
    "minors-under-16": (M, None, "only an under-13 rule"),
    "retention": (P, "we will retain your account information indefinitely"),
    "last-updated": (P, "Effective date: **October 22, 2024**", "an effective date"),
  }},
  "brazil": {"basis": "general", "items": {
    "purpose": (P, "We collect this information to better understand how our website visitors use onetimesecret.com"),
    "form-duration": (P, "we will retain your account information indefinitely"),
    "controller-identity": (M, None, "brand only"),
    "controller-contact": (P, "should be directed to support@onetimesecret.com"),
    "shared-use": (P, "We may share User Personal Information with a limited number of third-party vendors"),
    "agent-responsibilities": (P, "who process it on our behalf to provide or improve our service"),
    "rights": (P, "We offer you simple methods of accessing, correcting, or deleting the data we have collected."),
    "encarregado": (M, None),
    "international-transfer": (P, "stored and processed in either our European Union (EU) or United States (US) data centers"),
    "legal-basis": (P, "We collect your information only with your consent", "consent only"),
  }},
  "russia": {"basis": "general", "items": {
    "operator-identity": (M, None, "brand only"),
    "purposes": (P, "We collect this information to better understand how our website visitors use onetimesecret.com"),
    "legal-grounds": (P, "We collect your information only with your consent"),
    "categories": (P, "Information such as a user name and password, an email address, a real name, and a photograph"),
    "subjects": (P, "The information we collect about all visitors to our website includes", "visitors and users with accounts, by section title"),
    "actions-methods": (M, None),
    "retention-destruction": (P, "we will retain your account information indefinitely"),
    "cross-border": (P, "stored and processed in either our European Union (EU) or United States (US) data centers"),
    "rights-procedure": (P, "you may access, update, alter, or delete your basic user profile information"),
    "storage-location": (M, None),
  }},
 }},
 "nuclino-privacy-2019.md": {
  "meta": {"source": "https://www.nuclino.com/privacy (Wayback snapshot 2019-05-20: https://web.archive.org/web/20190520132617id_/https%3A//www.nuclino.com/privacy)",
           "repository": "citp/privacy-policy-historical", "commit": "1603304a87daecbea5627b68a409d8d63f4ace33", "path": "n/nu/nuc/nuclino.com.md",
           "taken": "2026-12-01", "trimmed": "no (the dataset's Markdown rendering of the archived page, verbatim, with its provenance line)", "licence": "none stated (archived web page; Princeton CITP privacy-policy-historical dataset)"},
  "language": "en", "format": "md", "modules": {
  "eea-uk": {"basis": "general", "items": {
    "controller-identity": (P, "Your information is controlled by Nuclino GmbH."),
    "controller-contact": (P, "Email: [contact@nuclino.com](mailto:contact@nuclino.com)"),
    "dpo-contact": (M, None),
    "representative": (NA, "the controller, Nuclino GmbH, is established in Munich, Germany"),
    "purposes": (P, "Below are the specific purposes for which we use the information we collect about you:"),
    "legal-basis": (M, None, "no Art. 6 grounds; consent appears only as 'any other purpose with your consent'"),
    "legitimate-interests": (M, None, "'legitimate business interests' appears only as a reason to retain data; no grounds are given"),
    "recipients": (P, "We work with third-party service providers to provide website and application development, hosting"),
    "transfers": (P, "We transfer, process, and store your information outside of your country of residence", "no third country named"),
    "transfer-safeguards": (M, None, "'we take steps to protect it'"),
    "retention": (P, "we may retain your personal information during the time you have an account to use the Services"),
    "right-access": (P, "you may request to access or update your information using the contact information"),
    "right-rectification": (P, "you may request to access or update your information using the contact information"),
    "right-erasure": (P, "you may request to delete your information using the contact information"),
    "right-restriction": (P, "Right to restrict information processing"),
    "right-objection": (P, "Your choices include how you can object to certain uses of information about you"),
    "right-portability": (P, "Right to data portability"),
    "withdraw-consent": (M, None),
    "complaint-authority": (M, None),
    "statutory-requirement": (P, "you may not be able to use the full functionality of this website", "about refusing cookies"),
    "automated-decisions": (M, None),
    "sources": (P, "Information we receive from other sources"),
    "categories": (P, "this includes your first name, last name, email address, profile picture, and notification settings"),
  }},
  "california": {"basis": "general", "items": {
    "categories-collected": (P, "this includes your first name, last name, email address, profile picture, and notification settings"),
    "sources": (P, "Information we receive from other sources"),
    "purposes": (P, "Below are the specific purposes for which we use the information we collect about you:"),
    "categories-disclosed": (P, "certain information including your first name, last name, email address, profile picture, content", "disclosed to the team's administrators and other users (hard)"),
    "categories-sold-shared": (M, None),
    "third-party-categories": (P, "We work with third-party service providers to provide website and application development, hosting"),
    "right-know": (P, "you may request to access or update your information using the contact information"),
    "right-delete": (P, "you may request to delete your information using the contact information"),
    "right-correct": (P, "you may request to access or update your information using the contact information"),
    "right-opt-out": (M, None),
    "right-limit": (M, None),
    "non-discrimination": (M, None),
    "request-methods": (P, "you may request to access or update your information using the contact information"),
    "verification": (M, None),
    "authorized-agent": (M, None),
    "minors-under-16": (M, None, "a minimum age of 16 for use, but nothing on selling or sharing their data"),
    "retention": (P, "we may retain your personal information during the time you have an account to use the Services"),
    "last-updated": (M, None, "no date in the policy (the archive date is the dataset's)"),
  }},
  "brazil": {"basis": "general", "items": {
    "purpose": (P, "Below are the specific purposes for which we use the information we collect about you:"),
    "form-duration": (P, "we may retain your personal information during the time you have an account to use the Services"),
    "controller-identity": (P, "Your information is controlled by Nuclino GmbH."),
    "controller-contact": (P, "Email: [contact@nuclino.com](mailto:contact@nuclino.com)"),
    "shared-use": (P, "We work with third-party service providers to provide website and application development, hosting"),
    "agent-responsibilities": (P, "they do so under instruction from us"),
    "rights": (P, "you may request to delete your information using the contact information", "access, update and deletion"),
    "encarregado": (M, None),
    "international-transfer": (P, "We transfer, process, and store your information outside of your country of residence", "no country named"),
    "legal-basis": (M, None),
  }},
  "russia": {"basis": "general", "items": {
    "operator-identity": (P, "Your information is controlled by Nuclino GmbH."),
    "purposes": (P, "Below are the specific purposes for which we use the information we collect about you:"),
    "legal-grounds": (M, None),
    "categories": (P, "this includes your first name, last name, email address, profile picture, and notification settings"),
    "subjects": (M, None, "subjects are only implicit ('you', 'Service users')"),
    "actions-methods": (M, None),
    "retention-destruction": (P, "we may retain your personal information during the time you have an account to use the Services"),
    "cross-border": (P, "We transfer, process, and store your information outside of your country of residence"),
    "rights-procedure": (P, "you may request to access or update your information using the contact information"),
    "storage-location": (M, None),
  }},
 }},
 "yandex-com-privacy-2012.md": {
  "meta": {"source": "http://legal.yandex.com/privacy (Wayback snapshot 2012-12-05: https://web.archive.org/web/20121205161616id_/http%3A//legal.yandex.com/privacy)",
           "repository": "citp/privacy-policy-historical", "commit": "1d490d5274970cfaf8169c18b04d7411bd6d4f0b", "path": "y/ya/yan/yandex.com.md",
           "taken": "2026-12-01", "trimmed": "no (the dataset's Markdown rendering of the archived page, verbatim, with its provenance line)", "licence": "none stated (archived web page; Princeton CITP privacy-policy-historical dataset)"},
  "language": "en", "format": "md", "modules": {
  "eea-uk": {"basis": "general", "items": {
    "controller-identity": (M, None, "'Yandex' and 'the Company' are defined only in the Terms of Service"),
    "controller-contact": (P, "Please use this feedback for communicating with us"),
    "dpo-contact": (M, None), "representative": (M, None),
    "purposes": (P, "including, but not limited to, for the following purposes:"),
    "legal-basis": (P, "would not like to provide your consent for collection of Data please cease use", "deemed consent by use (hard)"),
    "legitimate-interests": (M, None),
    "recipients": (P, "as well as affiliates, partners and advertisers"),
    "transfers": (P, "collect, store, disclose, share and transfer, including cross-border, Data", "no country named"),
    "transfer-safeguards": (M, None), "retention": (M, None),
    "right-access": (M, None), "right-rectification": (M, None), "right-erasure": (M, None, "only deleting cookies in the browser"),
    "right-restriction": (M, None), "right-objection": (M, None, "partners 'might' offer an advertising opt-out"),
    "right-portability": (M, None), "withdraw-consent": (M, None), "complaint-authority": (M, None),
    "statutory-requirement": (P, "would not like to provide your consent for collection of Data please cease use", "not providing data means not using the site (hard)"),
    "automated-decisions": (M, None),
    "sources": (M, None, "data may be combined 'with any other relevant available information', sources unnamed"),
    "categories": (P, "(i) Internet Protocol (IP) address and location; (ii) cookie information"),
  }},
  "california": {"basis": "general", "items": {
    "categories-collected": (P, "(i) Internet Protocol (IP) address and location; (ii) cookie information"),
    "sources": (M, None),
    "purposes": (P, "including, but not limited to, for the following purposes:"),
    "categories-disclosed": (P, "Data collected through cookie placed on your computer may be transmitted to and accessed by the Company"),
    "categories-sold-shared": (M, None, "cookie data go to partners for advertising, but nothing says what is sold or shared"),
    "third-party-categories": (P, "as well as affiliates, partners and advertisers"),
    "right-know": (M, None), "right-delete": (M, None), "right-correct": (M, None), "right-opt-out": (M, None),
    "right-limit": (M, None), "non-discrimination": (M, None), "request-methods": (M, None), "verification": (M, None),
    "authorized-agent": (M, None), "minors-under-16": (M, None), "retention": (M, None),
    "last-updated": (P, "Effective Date: September 18, 2012"),
  }},
  "brazil": {"basis": "general", "items": {
    "purpose": (P, "including, but not limited to, for the following purposes:"),
    "form-duration": (M, None),
    "controller-identity": (M, None),
    "controller-contact": (P, "Please use this feedback for communicating with us"),
    "shared-use": (P, "as well as affiliates, partners and advertisers"),
    "agent-responsibilities": (M, None),
    "rights": (M, None), "encarregado": (M, None),
    "international-transfer": (P, "collect, store, disclose, share and transfer, including cross-border, Data", "no country named"),
    "legal-basis": (P, "would not like to provide your consent for collection of Data please cease use", "deemed consent"),
  }},
  "russia": {"basis": "general", "items": {
    "operator-identity": (M, None),
    "purposes": (P, "including, but not limited to, for the following purposes:"),
    "legal-grounds": (P, "would not like to provide your consent for collection of Data please cease use", "consent by use"),
    "categories": (P, "(i) Internet Protocol (IP) address and location; (ii) cookie information"),
    "subjects": (M, None),
    "actions-methods": (P, "collect, store, disclose, share and transfer, including cross-border, Data", "actions only"),
    "retention-destruction": (M, None),
    "cross-border": (P, "collect, store, disclose, share and transfer, including cross-border, Data"),
    "rights-procedure": (M, None), "storage-location": (M, None),
  }},
 }},
 "mozilla-pocket-privacy-policy-ru.md": {
  "meta": {"source": "https://getpocket.com/ru/privacy (Pocket Privacy Policy, Russian version, effective 3 April 2024)",
           "repository": "mozilla/legal-docs", "commit": "07c68133c2fdf5f91e0f865c8f4ebcb977bc0643", "path": "ru/pocket_privacy_policy.md",
           "taken": "2026-12-01", "trimmed": "no (verbatim file)", "licence": "CC BY-SA 3.0 (repository LICENSE.md)"},
  "language": "ru", "format": "md", "modules": {
  "eea-uk": NOT_EN, "california": NOT_EN, "brazil": NOT_EN,
  "russia": {"basis": "general", "items": {
    "operator-identity": (P, "Сервисы Pocket Technologies принадлежат корпорации Mozilla"),
    "purposes": (P, "Мы используем вашу личную информацию, чтобы отвечать на ваши запросы и выполнять наши с вами договоренности."),
    "legal-grounds": (P, "У нас также есть законный деловой интерес в использовании и улучшении наших услуг", "agreement, legitimate interest, consent"),
    "categories": (P, "При регистрации необходимо указать имя, пароль и действующий адрес электронной почты."),
    "subjects": (M, None, "users and site visitors are only implicit"),
    "actions-methods": (M, None),
    "retention-destruction": (M, None, "'only as long as we need it ... or as law or contract requires' without a period or criterion"),
    "cross-border": (P, "ваша информация может оказаться на одном из таких компьютеров в другой стране"),
    "rights-procedure": (P, "Вы можете получить доступ к своей личной информации и исправить ее, а также удалить или экспортировать свои данные"),
    "storage-location": (M, None),
  }},
 }},
 "mozilla-subscription-services-privacy-notice-pt-br.md": {
  "meta": {"source": "https://www.mozilla.org/pt-BR/privacy/subscription-services/",
           "repository": "mozilla/legal-docs", "commit": "f7bd833c06b1b1bc0d19099f78b9ca08233ec26e", "path": "pt-BR/subscription_services_privacy_notice.md",
           "taken": "2026-12-01", "trimmed": "no (verbatim file)", "licence": "CC BY-SA 3.0 (repository LICENSE.md)"},
  "language": "pt-BR", "format": "md", "modules": {
  "eea-uk": {"basis": "general", "items": {
    "controller-identity": (M, None, "only the brand 'Mozilla'; the entity is in the main policy it points to"),
    "controller-contact": (P, "envie-nos um email para compliance@mozilla.com"),
    "dpo-contact": (M, None), "representative": (M, None),
    "purposes": (P, "Usamos esses dados de interação para melhorar o desempenho e a estabilidade para nossos usuários"),
    "legal-basis": (M, None), "legitimate-interests": (M, None),
    "recipients": (P, "O Firefox Relay compartilha informações com terceiros para fornecer o serviço para você."),
    "transfers": (M, None), "transfer-safeguards": (M, None),
    "retention": (P, "seu endereço IP é coletado temporariamente como parte dos nossos registros de servidor por 90 dias"),
    "right-access": (P, "portal de solicitações de acesso de sujeitos de dados"),
    "right-rectification": (M, None), "right-erasure": (M, None, "only removal from Have I Been Pwned, a third party"),
    "right-restriction": (M, None), "right-objection": (M, None), "right-portability": (M, None),
    "withdraw-consent": (M, None), "complaint-authority": (M, None),
    "statutory-requirement": (P, "Esses serviços requerem uma conta da Mozilla"),
    "automated-decisions": (M, None),
    "sources": (P, "A Mozilla recebe um registro da sua conta (incluindo seu endereço de cobrança"),
    "categories": (P, "que envia o email, a localização e o endereço IP para a Mozilla"),
  }},
  "california": {"basis": "general", "items": {
    "categories-collected": (P, "que envia o email, a localização e o endereço IP para a Mozilla"),
    "sources": (P, "A Mozilla recebe um registro da sua conta (incluindo seu endereço de cobrança"),
    "purposes": (P, "Usamos esses dados de interação para melhorar o desempenho e a estabilidade para nossos usuários"),
    "categories-disclosed": (P, "A Twilio recebe seu telefone, sua máscara de telefone e os telefones"),
    "categories-sold-shared": (M, None),
    "third-party-categories": (P, "seu pagamento será realizado por um dos nossos provedores de pagamento terceirizados"),
    "right-know": (P, "portal de solicitações de acesso de sujeitos de dados"),
    "right-delete": (M, None), "right-correct": (M, None), "right-opt-out": (M, None), "right-limit": (M, None),
    "non-discrimination": (M, None),
    "request-methods": (P, "portal de solicitações de acesso de sujeitos de dados"),
    "verification": (M, None), "authorized-agent": (M, None), "minors-under-16": (M, None),
    "retention": (P, "seu endereço IP é coletado temporariamente como parte dos nossos registros de servidor por 90 dias"),
    "last-updated": (P, "Data de vigência: quarta-feira, 17 de dezembro de 2025"),
  }},
  "brazil": {"basis": "general", "items": {
    "purpose": (P, "Usamos esses dados de interação para melhorar o desempenho e a estabilidade para nossos usuários"),
    "form-duration": (P, "seu endereço IP é coletado temporariamente como parte dos nossos registros de servidor por 90 dias"),
    "controller-identity": (M, None, "brand only"),
    "controller-contact": (P, "envie-nos um email para compliance@mozilla.com"),
    "shared-use": (P, "O Firefox Relay compartilha informações com terceiros para fornecer o serviço para você."),
    "agent-responsibilities": (P, "A Mozilla tem contrato com essas empresas para a proteção das suas informações."),
    "rights": (M, None, "access by login and a request portal; no list of rights"),
    "encarregado": (M, None), "international-transfer": (M, None), "legal-basis": (M, None),
  }},
  "russia": {"basis": "general", "items": {
    "operator-identity": (M, None, "brand only"),
    "purposes": (P, "Usamos esses dados de interação para melhorar o desempenho e a estabilidade para nossos usuários"),
    "legal-grounds": (M, None),
    "categories": (P, "que envia o email, a localização e o endereço IP para a Mozilla"),
    "subjects": (P, "a maioria das informações que armazenamos sobre nossos usuários de conta da Mozilla"),
    "actions-methods": (M, None),
    "retention-destruction": (P, "seu endereço IP é coletado temporariamente como parte dos nossos registros de servidor por 90 dias"),
    "cross-border": (M, None),
    "rights-procedure": (P, "portal de solicitações de acesso de sujeitos de dados", "access, with a request portal (hard)"),
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
    meta = spec["meta"]
    out = [f"file = {q(slug)}", f"source = {q(meta['source'])}", f"repository = {q(meta['repository'])}", f"commit = {q(meta['commit'])}",
           f"path = {q(meta['path'])}", f"taken = {q(meta['taken'])}", f"language = {q(spec['language'])}", f"format = {q(spec['format'])}",
           "constructed = false", f"trimmed = {q(meta['trimmed'])}", f"licence = {q(meta['licence'])}", ""]
    for module, m in spec["modules"].items():
        addressed = "items" in m
        out.append(f"[modules.{module}]")
        out.append(f"addressed = {'true' if addressed else 'false'}")
        out.append(f"basis = {q(m['basis'])}")
        if "note" in m:
            out.append(f"note = {q(m['note'])}")
        out.append("")
        if addressed:
            out.append(f"[modules.{module}.items]")
            for item, v in m["items"].items():
                status, quote, note = (v + (None,))[:3]
                if status == NA:
                    out.append(f"{item} = {{ status = {q(status)}, reason = {q(quote)} }}")
                    continue
                extra = f", note = {q(note)}" if note else ""
                if quote:
                    out.append(f"{item} = {{ status = {q(status)}, line = {find(quote)}, quote = {q(quote)}{extra} }}")
                else:
                    out.append(f"{item} = {{ status = {q(status)}{extra} }}")
            out.append("")
    (HERE / "labels" / (slug.rsplit(".", 1)[0] + ".toml")).write_text("\n".join(out))
print("ok")
