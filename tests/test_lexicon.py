"""Coverage of the verb and noun lexicon (flashpoint/data/verbs.yaml): one short sentence per family of wire-copy
wordings for each PLOVER type, with the real spaCy model.

Each case gives the (source country, type, target country) the coder must find among its asserted events; a target
of "*" accepts any target. `absent` lists types (or whole triples) that the wording must not produce: the tempting
wrong reading ("halted arms exports" is not a RETREAT, "welcomed France's decision" is not a visit).
"""
import pytest

import flashpoint
from flashpoint import Factuality

PUBLISHED = "2025-06-16"


def asserted(text):
    events = flashpoint.code_article(text, published=PUBLISHED)
    return {(e.source.country, e.event_type, e.target.country if e.target else None)
            for e in events if e.factuality is Factuality.ASSERTED}


def case(text, expected, absent=(), id=None):
    return pytest.param(text, expected, tuple(absent), id=id)


def found(expected, events):
    source, kind, target = expected
    if target == "*":
        return any((s, k) == (source, kind) for s, k, _ in events)
    return expected in events


CASES = [
    # -- AID: materiel, money and goods sent, shipped, donated, handed over; troops sent to help a government
    case("Pyongyang has shipped artillery shells and rockets to Moscow, Seoul's spy agency said.",
         ("PRK", "AID", "RUS"), id="aid-shipped-shells"),
    case("North Korea shipped containers of munitions to Russia by rail.", ("PRK", "AID", "RUS"),
         id="aid-shipped-containers-of"),
    case("Belgium donated four F-16 fighter jets to Ukraine on Tuesday.", ("BEL", "AID", "UKR"),
         id="aid-donated-jets"),
    case("Germany delivered 20 more Marder infantry vehicles to Ukraine.", ("DEU", "AID", "UKR"),
         id="aid-delivered-vehicles"),
    case("Poland handed over more Leopard tanks to Ukraine.", ("POL", "AID", "UKR"), id="aid-handed-over-tanks"),
    case("France transferred Scalp cruise missiles to Ukraine.", ("FRA", "AID", "UKR"), id="aid-transferred"),
    case("Jordan airlifted medical aid to Gaza on Wednesday.", ("JOR", "AID", "PSE"), id="aid-airlifted"),
    case("Turkey sent soldiers to Libya to help the government in Tripoli.", ("TUR", "AID", "LBY"),
         id="aid-troops-sent-to-help"),
    case("Iraq began supplying diesel to Lebanon to ease its fuel shortage.", ("IRQ", "AID", "LBN"),
         id="aid-energy-supplied"),
    case("The World Bank gave 300 million euros to Moldova.", ("IGO", "AID", "MDA"), id="aid-money"),
    case("Kuwait sent a plane carrying 30 tonnes of flour to Sudan.", ("KWT", "AID", "SDN"), ["MOBILIZE"],
         id="aid-plane-carrying-food-not-a-deployment"),
    case("Russia sold gas to Hungary last year.", None, ["AID"], id="aid-sale-of-gas-is-trade"),

    # -- SANCTION
    case("The United States designated the Houthis a terrorist organisation.", ("USA", "SANCTION", "YEM"),
         id="sanction-designated-terrorist"),
    case("Germany halted arms exports to Turkey over the offensive in Syria.", ("DEU", "SANCTION", "TUR"),
         ["RETREAT"], id="sanction-halted-arms-exports"),
    case("Spain suspended arms sales to Israel on Tuesday.", ("ESP", "SANCTION", "ISR"), ["RETREAT"],
         id="sanction-suspended-arms-sales"),
    case("The Netherlands froze weapons exports to Israel.", ("NLD", "SANCTION", "ISR"), ["RETREAT"],
         id="sanction-froze-exports"),
    case("Britain suspended free trade negotiations with Israel.", ("GBR", "SANCTION", "ISR"), ["REJECT"],
         id="sanction-suspended-trade-talks"),
    case("Washington blacklisted three Chinese companies on Tuesday.", ("USA", "SANCTION", "CHN"), ["COERCE"],
         id="sanction-blacklisted"),
    case("The Commerce Department added three Chinese firms to its entity list.", ("USA", "SANCTION", "CHN"),
         id="sanction-entity-list"),
    case("Washington hit Moscow with new sanctions on Friday.", ("USA", "SANCTION", "RUS"), ["ASSAULT"],
         id="sanction-hit-with-sanctions"),
    case("ECOWAS suspended Mali from the bloc.", ("IGO", "SANCTION", "MLI"), ["COERCE"],
         id="sanction-suspended-from-body"),
    case("The Council of Europe expelled Russia from the organisation.", ("IGO", "SANCTION", "RUS"), ["COERCE"],
         id="sanction-expelled-from-body"),
    case("Chad downgraded diplomatic ties with Israel on Tuesday.", ("TCD", "SANCTION", "ISR"),
         id="sanction-downgraded-ties"),
    case("Bolivia severed diplomatic relations with Israel.", ("BOL", "SANCTION", "ISR"), id="sanction-severed"),
    case("The Treasury revoked sanctions waivers for buyers of Iranian oil.", ("USA", "SANCTION", "IRN"),
         ["CONCEDE"], id="sanction-revoked-waivers"),
    case("Britain cancelled arms contracts with Israel.", ("GBR", "SANCTION", "ISR"),
         id="sanction-cancelled-contracts"),
    case("Armenia froze its participation in the Collective Security Treaty Organization.",
         ("ARM", "SANCTION", "*"), ["REJECT"], id="sanction-froze-participation"),

    # -- COERCE
    case("The UAE closed its sea and air links with Qatar.", ("ARE", "COERCE", "QAT"), id="coerce-closed-links"),
    case("Pakistan closed its airspace to Indian airlines.", ("PAK", "COERCE", "IND"), id="coerce-closed-airspace"),
    case("Israel barred UNRWA from operating in East Jerusalem.", ("ISR", "COERCE", "IGO"), id="coerce-barred-from"),
    case("The U.N. envoy was barred by Israel from entering the country.", ("ISR", "COERCE", "IGO"),
         id="coerce-barred-by-passive"),
    case("Israel banned the U.N. agency from its territory.", ("ISR", "COERCE", "IGO"), id="coerce-banned-agency"),
    case("Russia revoked the visas of three British journalists.", ("RUS", "COERCE", "GBR"), ["SANCTION"],
         id="coerce-revoked-visas"),
    case("Israel denied entry to two U.S. congresswomen.", ("ISR", "COERCE", "USA"), ["REJECT"],
         id="coerce-denied-entry"),
    case("The United States deported hundreds of Venezuelans to El Salvador.", ("USA", "COERCE", "VEN"),
         id="coerce-deported"),
    case("Niger suspended broadcasts of the British broadcaster BBC on Friday.", ("NER", "COERCE", "GBR"), ["SANCTION"],
         id="coerce-suspended-broadcaster"),
    case("Police blocked the path of marchers heading to the U.S. embassy in Karachi.", ("PAK", "COERCE", "PAK"),
         ["REJECT"], id="coerce-blocked-marchers"),
    case("Iran placed the opposition leader under house arrest.", ("IRN", "COERCE", "IRN"),
         id="coerce-house-arrest"),
    case("Israel cut off internet access in Gaza.", ("ISR", "COERCE", "PSE"), id="coerce-cut-off-internet"),
    case("Russia annexed four regions of Ukraine.", ("RUS", "COERCE", "UKR"), id="coerce-annexed"),

    # -- COOPERATE
    case("Syria joined the U.S.-led coalition against Islamic State.", ("SYR", "COOPERATE", "USA"),
         id="cooperate-joined-coalition"),
    case("U.S. destroyers helped Israel shoot down incoming Iranian missiles.", ("USA", "COOPERATE", "ISR"),
         [("ISR", "ASSAULT", "IRN")], id="cooperate-helped-intercept"),
    case("Egypt shared intelligence with Israel before the attack.", ("EGY", "COOPERATE", "ISR"),
         id="cooperate-shared-intelligence"),
    case("Pakistan extradited a suspect to the United States.", ("PAK", "COOPERATE", "USA"),
         id="cooperate-extradited"),
    case("Pakistan handed over an Islamic State commander to the United States.", ("PAK", "COOPERATE", "USA"),
         ["CONCEDE"], id="cooperate-handed-over-suspect"),
    case("Saudi Arabia and Iran restored diplomatic ties on Friday.", ("SAU", "COOPERATE", "IRN"),
         id="cooperate-restored-ties"),
    case("South Korea restored its intelligence-sharing pact with Japan.", ("KOR", "COOPERATE", "JPN"),
         id="cooperate-restored-pact"),

    # -- CONCEDE
    case("Iran allowed U.N. inspectors back into the country on Monday.", ("IRN", "CONCEDE", "IGO"),
         id="concede-allowed-back"),
    case("Israel granted the Red Cross access to the detainees.", ("ISR", "CONCEDE", "NGO"),
         id="concede-granted-access"),
    case("The European Union eased sanctions on Syria.", ("IGO", "CONCEDE", "SYR"), ["SANCTION"],
         id="concede-eased-sanctions"),
    case("The White House dismantled sanctions on Syria.", ("USA", "CONCEDE", "SYR"), ["SANCTION"],
         id="concede-dismantled-sanctions"),
    case("Washington rescinded sanctions on Belarus.", ("USA", "CONCEDE", "BLR"), ["SANCTION"],
         id="concede-rescinded-sanctions"),
    case("Netanyahu apologised to Qatar for the strike in Doha.", ("ISR", "CONCEDE", "QAT"), id="concede-apologised"),
    case("India handed back a captured Pakistani soldier on Friday.", ("IND", "CONCEDE", "PAK"),
         id="concede-handed-back"),
    case("Russia freed two Ukrainian fishermen on Tuesday.", ("RUS", "CONCEDE", "UKR"), id="concede-freed"),
    case("Russia dropped its demand for Ukraine's neutrality.", ("RUS", "CONCEDE", "UKR"),
         id="concede-dropped-demand"),

    # -- ACCUSE
    case("Abbas held the Israeli government responsible for the attack.", ("PSE", "ACCUSE", "ISR"),
         ["COERCE"], id="accuse-held-responsible"),
    case("The IAEA board found Iran in breach of its obligations.", ("IGO", "ACCUSE", "IRN"),
         id="accuse-found-in-breach"),
    case("Khamenei called the offer from Washington a deception.", ("IRN", "ACCUSE", "USA"),
         id="accuse-called-deception"),
    case("The United States determined that Myanmar's military had committed genocide.", ("USA", "ACCUSE", "MMR"),
         id="accuse-determined-genocide"),
    case("South Africa took Israel to the International Court of Justice.", ("ZAF", "ACCUSE", "ISR"),
         ["PROTEST"], id="accuse-took-to-court"),
    case("Moscow pinned the blame on Kyiv for the attack.", ("RUS", "ACCUSE", "UKR"), id="accuse-pinned-blame"),

    # -- SUPPORT
    case("Saudi Arabia welcomed France's decision to recognise a Palestinian state.", ("SAU", "SUPPORT", "FRA"),
         ["CONSULT"], id="support-welcomed-decision"),
    case("Egypt welcomed the U.S. announcement of a ceasefire.", ("EGY", "SUPPORT", "USA"), ["CONSULT"],
         id="support-welcomed-announcement"),
    case("The Emir of Qatar welcomed the Iranian foreign minister in Doha.", ("QAT", "CONSULT", "IRN"),
         ["SUPPORT"], id="support-welcomed-visitor-is-consult"),
    case("Macron and Merz threw their weight behind Ukraine's call for a truce.", ("FRA", "SUPPORT", "UKR"),
         id="support-threw-weight-behind"),
    case("Britain backed Ukraine's call for a ceasefire.", ("GBR", "SUPPORT", "UKR"), id="support-backed-call"),
    case("Trump praised Pakistan for its role in ending the conflict.", ("USA", "SUPPORT", "PAK"),
         id="support-praised"),
    case("The Arab League endorsed Egypt's plan for Gaza.", ("IGO", "SUPPORT", "EGY"), id="support-endorsed"),
    case("Turkey expressed solidarity with Qatar after the strike.", ("TUR", "SUPPORT", "QAT"),
         id="support-solidarity"),
    case("Macron paid tribute to Zelenskiy's courage.", ("FRA", "SUPPORT", "UKR"), id="support-paid-tribute"),

    # -- REQUEST
    case("Moroccan protesters called on their government to sever ties with Israel.", ("MAR", "REQUEST", "MAR"),
         id="request-called-on-own-government"),

    # -- MOBILIZE
    case("Iran moved mobile missile launchers closer to its western border.", ("IRN", "MOBILIZE", None),
         id="mobilize-moved-launchers"),
    case("Chinese warships surrounded the island of Taiwan on Tuesday.", ("CHN", "MOBILIZE", "TWN"),
         id="mobilize-surrounded-island"),
    case("China sent dozens of warplanes toward Taiwan on Sunday.", ("CHN", "MOBILIZE", "TWN"), ["AID"],
         id="mobilize-sent-warplanes"),
    case("Pakistan put its forces on high alert.", ("PAK", "MOBILIZE", "*"), id="mobilize-alert"),
    case("North Korea fired two ballistic missiles into the waters off its east coast.", ("PRK", "MOBILIZE", None),
         ["ASSAULT"], id="mobilize-missiles-into-waters"),
    case("North Korea conducted a missile test on Sunday.", ("PRK", "MOBILIZE", None), id="mobilize-missile-test"),
    case("A U.S. destroyer sailed through the Taiwan Strait on Tuesday.", ("USA", "MOBILIZE", "*"),
         id="mobilize-sailed-through"),
    case("China staged large-scale war games around Taiwan.", ("CHN", "MOBILIZE", "*"), id="mobilize-war-games"),
    case("Azerbaijani troops moved into Armenian territory.", ("AZE", "MOBILIZE", "ARM"), ["ASSAULT"],
         id="mobilize-moved-into"),

    # -- ASSAULT (and what is not one)
    case("Israeli settlers torched Palestinian homes in Sinjil.", ("ISR", "ASSAULT", "PSE"), id="assault-torched"),
    case("Israeli settlers rampaged through the Palestinian town of Sinjil.", ("ISR", "ASSAULT", "PSE"),
         id="assault-rampaged"),
    case("Israeli settlers attacked Palestinian homes in the village of Sinjil.", ("ISR", "ASSAULT", "PSE"),
         ["PROTEST"], id="assault-settlers-attack-is-not-a-protest"),
    case("Russian artillery pounded Ukrainian positions near Pokrovsk.", ("RUS", "ASSAULT", "UKR"),
         id="assault-pounded"),
    case("Russian forces shelled the Ukrainian city of Kherson.", ("RUS", "ASSAULT", "UKR"), id="assault-shelled"),
    case("U.S. bombers dropped bunker-buster bombs on the Iranian site.", ("USA", "ASSAULT", "IRN"), ["AID"],
         id="assault-dropped-bombs"),
    case("Turkey shot down a Russian warplane near the Syrian border.", ("TUR", "ASSAULT", "RUS"),
         id="assault-shot-down-plane"),
    case("Iranian forces downed an American reconnaissance drone near the Gulf.", ("IRN", "ASSAULT", "USA"),
         id="assault-downed-drone"),
    case("Israeli air defences shot down incoming rockets fired from Lebanon.", None, ["ASSAULT"],
         id="assault-interception-is-not-an-attack"),
    case("Rioters torched police cars in the suburbs of Paris.", None, ["ASSAULT"],
         id="assault-rioters-burning-cars-protest"),
    case("Protesters clashed with police outside parliament in Nairobi.", ("KEN", "PROTEST", "*"), ["ASSAULT"],
         id="protest-crowd-clash"),

    # -- AGREE, CONSULT, REJECT, THREATEN, RETREAT
    case("Armenia and Azerbaijan initialled a peace agreement.", ("ARM", "AGREE", "AZE"), id="agree-initialled"),
    case("Israel and Hamas hammered out a deal on the release of hostages.", ("ISR", "AGREE", "PSE"), ["ASSAULT"],
         id="agree-hammered-out"),
    case("Trump landed in Riyadh on Tuesday.", ("USA", "CONSULT", "SAU"), id="consult-landed-in"),
    case("The Iranian and Saudi foreign ministers exchanged views on Monday.", ("IRN", "CONSULT", "SAU"),
         id="consult-exchanged-views"),
    case("Iran walked away from the talks with Washington.", ("IRN", "REJECT", "USA"), id="reject-walked-away"),
    case("The Senate shot down the president's proposal.", None, ["ASSAULT"], id="reject-shot-down-proposal"),
    case("Trump gave Hamas a deadline to release the hostages.", ("USA", "THREATEN", "PSE"),
         id="threaten-gave-deadline"),
    case("Dozens of PKK fighters burned their rifles at a ceremony near Sulaimaniyah.", ("TUR", "RETREAT", "*"),
         id="retreat-burned-weapons"),
]


@pytest.mark.parametrize("text, expected, absent", CASES)
def test_wording_family(text, expected, absent):
    events = asserted(text)
    if expected is not None:
        assert found(expected, events), f"{expected} not in {sorted(events, key=str)}"
    for unwanted in absent:
        if isinstance(unwanted, str):
            assert all(kind != unwanted for _, kind, _ in events), f"{unwanted} in {sorted(events, key=str)}"
        else:
            assert unwanted not in events, f"{unwanted} in {sorted(events, key=str)}"
