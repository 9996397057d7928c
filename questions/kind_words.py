"""General English words kinds.py reads a name's sort by: head words of names, common nouns given to them,
the prepositions, verbs and holdings around a mention. Never a name of any article."""

PLACE_HEADS = {"street", "square", "road", "avenue", "lane", "boulevard", "coast", "river", "sea", "ocean", "lake",
               "bay", "gulf", "island", "islands", "valley", "mountain", "mountains", "hills", "peninsula", "plain",
               "plains", "county", "province", "district", "region", "city", "town", "village", "borough", "strait",
               "desert", "forest", "basin", "delta", "heights", "beach", "harbour", "harbor", "point", "creek",
               "springs", "falls", "park", "reef", "canyon", "glacier", "estate", "quarter", "zone", "crater", "caldera",
               "volcano", "plateau", "lagoon", "fjord", "cape"}
THING_HEADS = {"farm", "dam", "plant", "station", "bridge", "airport", "stadium", "mine", "pipeline", "tower",
               "project",
               "programme", "program", "initiative", "scheme", "accord", "treaty", "agreement", "pact", "act", "law",
               "bill", "plan", "report", "review", "strategy", "declaration", "convention", "protocol", "summit",
               "conference", "festival", "games", "cup", "championship", "tournament", "prize", "award",
               "telescope", "satellite", "rocket", "mission", "app", "device", "vaccine", "drug", "line", "railway",
               "tunnel", "canal", "highway", "motorway", "terminal", "reactor", "refinery", "museum", "hospital",
               "prison", "hotel", "theatre", "theater", "cinema", "hall", "building", "centre", "center", "index",
               "storm", "hurricane", "typhoon", "cyclone", "fire", "war", "survey", "study", "census", "poll",
               "assessment", "arena", "pavilion", "gallery", "library", "palace", "castle", "cathedral", "church",
               "chapel", "abbey", "temple", "mosque", "monument", "memorial", "lighthouse"}
ORG_HEADS = {"party", "alliance", "front", "movement", "coalition", "bloc", "league", "union", "assembly", "parliament",
             "congress", "senate", "council", "court", "tribunal", "agency", "commission", "department", "ministry",
             "administration", "bureau", "office", "authority", "service", "directorate", "board", "committee",
             "inc", "corp", "corporation", "company", "co", "ltd", "llc", "plc", "group", "holdings", "airlines",
             "airways", "motors", "bank", "university", "college", "school", "institute", "academy", "association",
             "federation", "foundation", "society", "club", "organisation", "organization", "laboratory",
             "laboratories", "lab", "labs", "trust", "fund", "network", "systems", "technologies", "renewables",
             "energy", "aerospace", "industries", "pharmaceuticals", "therapeutics", "partners", "media", "police",
             "army", "navy", "government", "cabinet", "chamber", "guild", "secretariat", "regulator", "solar", "power",
             "capital", "ventures", "studios", "pharma", "insight", "analytics", "logistics", "mining", "airline",
             "exchange", "brands", "foods", "retail", "stores", "farms", "rovers", "wanderers", "athletic", "fc"}
FIRST_THING = {"storm", "hurricane", "typhoon", "cyclone", "operation", "project"}  # "Storm Idris", "Operation X"
FIRST_PLACE = {"lake", "mount", "port", "cape", "fort"}  # "Lake Orla", "Mount Kell", "Port Arden"

PLACE_NOUNS = {"city", "town", "village", "region", "province", "state", "county", "district", "island", "capital",
               "port", "suburb", "municipality", "neighborhood", "neighbourhood", "prefecture", "country", "nation",
               "area", "community", "hamlet", "borough", "territory", "coast", "valley", "river", "lake", "place",
               "resort", "locality", "parish", "commune", "republic", "kingdom", "island", "enclave", "neighbour",
               "neighbor", "site", "settlement", "homeland", "market"}  # "Kest and three other markets"
AGENT_NOUNS = {"rival", "competitor", "bidder", "investor", "client", "customer", "buyer", "seller", "backer",
               "shareholder", "sponsor", "donor", "champion", "winner", "holder", "finalist", "runner-up"}  # a person or an organisation: "rivals such as X"
GRAINS = {"country": {"country", "nation", "republic", "kingdom"},
          "region": {"province", "region", "county", "district", "territory", "prefecture", "state"},
          "settlement": {"city", "town", "village", "port", "suburb", "hamlet", "municipality", "borough",
                         "capital", "neighbourhood", "neighborhood", "parish", "commune"},
          "market": {"market"}}  # what size of place a descriptor says: a town is no option among countries
NATION_HEADS = {"government", "economy", "parliament", "border", "military", "embassy", "citizens", "population",
                "electorate", "coastline", "mainland"}  # "the Kest government": a country or region
STAKE_NOUNS = {"stake", "share", "shares", "investment", "interest", "role", "job", "position", "confidence",
               "trust", "faith", "career", "part", "seat", "place", "rise", "fall", "drop", "increase"}
ORG_NOUNS = {"company", "firm", "business", "corporation", "maker", "manufacturer", "startup", "retailer", "lender",
             "insurer", "automaker", "carmaker", "chipmaker", "publisher", "broadcaster", "developer", "producer",
             "chain", "brand", "bank", "airline", "carrier", "operator", "supplier", "contractor", "utility", "group",
             "agency", "organisation", "organization", "body", "regulator", "authority", "ministry", "department",
             "university", "college", "school", "institute", "club", "team", "party", "union", "association",
             "charity", "network", "board", "commission", "council", "court", "committee", "government", "insurer",
             "laboratory", "lab", "newspaper", "giant", "conglomerate", "consortium", "coalition", "alliance",
             "distributor", "exporter", "importer", "miner", "owner", "provider", "subsidiary", "unit", "venture",
             "foundation", "trust", "fund", "watchdog", "league", "federation", "society", "campaign",
             "consultancy", "broker", "brokerage", "bank", "studio", "label"}
PERSON_NOUNS = {"boy", "girl", "man", "woman", "child", "son", "daughter", "mother", "father", "person", "resident",
                "student", "teacher", "worker", "driver", "patient", "victim", "player", "officer", "official",
                "farmer", "husband", "wife", "brother", "sister", "friend", "pupil", "doctor", "nurse",
                "president", "minister", "secretary", "governor", "administrator", "spokesperson", "spokesman",
                "spokeswoman", "director", "ceo", "chairman", "chairwoman", "chair", "mayor", "senator", "ambassador",
                "chief", "commissioner", "chancellor", "premier", "king", "queen", "founder", "executive", "coach",
                "speaker", "attorney", "lawyer", "judge", "envoy", "sheriff", "head", "editor", "manager", "analyst",
                "economist", "scientist", "researcher", "professor", "engineer", "author", "writer", "actor",
                "actress", "singer", "artist", "leader", "member", "mediator", "negotiator", "detective",
                "inspector", "consultant", "neurologist", "surgeon", "physician", "expert", "historian", "activist",
                "defendant", "suspect", "candidate", "mp", "lawmaker", "legislator", "politician", "diplomat",
                "colleague", "partner", "pilot", "captain", "fisherman", "owner", "organiser", "organizer",
                "campaigner", "voter", "citizen", "athlete", "deputy", "aide", "adviser",
                "advisor", "journalist", "reporter", "photographer", "student", "graduate", "veteran", "trustee",
                "principal", "dean", "vice", "biologist", "chemist", "physicist", "astronomer", "geologist"}
THING_NOUNS = {"project", "farm", "plant", "dam", "station", "facility", "site", "programme", "program", "scheme",
               "initiative", "plan", "treaty", "accord", "agreement", "pact", "deal", "law", "bill", "act", "report",
               "study", "survey", "product", "device", "app", "drug", "vaccine", "model", "aircraft", "plane", "jet",
               "ship", "vessel", "car", "vehicle", "satellite", "telescope", "spacecraft", "rocket", "mission", "film",
               "movie", "book", "novel", "play", "song", "album", "show", "series", "event", "festival", "summit",
               "conference", "operation", "storm", "hurricane", "fire", "war", "game", "line", "route", "bridge",
               "tunnel", "pipeline", "building", "tower", "museum", "hospital", "stadium", "airport", "mine",
               "reactor", "system", "platform", "service", "network", "codename", "technology", "chip", "index",
               "strain", "variant", "virus", "disease", "species"}
PLACE_HOLDINGS = {"school", "street", "road", "resident", "inhabitant", "hospital", "park", "beach", "glacier",
                  "coast", "coastline", "border", "mayor", "population", "citizen", "neighbourhood", "neighborhood",
                  "suburb", "village", "farmer", "river", "harbour", "harbor", "outskirts", "centre", "downtown"}
ORG_HOLDINGS = {"shareholder", "share", "stock", "employee", "staff", "workforce", "headquarters", "chairman",
                "chairwoman", "ceo", "executive", "founder", "co-founder", "board", "boss", "subsidiary", "profit",
                "revenue", "takeover", "merger"}  # "X shareholders", "X's chief executive": a body, not a person
ORG_OF = {"executive", "ceo", "chairman", "chairwoman", "shareholder", "employee", "founder", "co-founder", "board",
          "subsidiary", "takeover", "merger"}  # "the chief executive of X"
ORG_IN = {"share", "shares", "stake", "stock", "investment"}  # "shares in X"
PERSON_TITLES = {"mr", "mrs", "ms", "miss", "dr", "prof", "professor", "sir", "dame", "lord", "lady"}
PLACE_PREPS = {"near", "outside", "around", "across", "throughout", "inside", "within", "towards", "toward"}
WEAK_PLACE_PREPS = {"in", "at", "into", "from", "to"}
PLACE_VERBS = {"base", "locate", "headquarter", "situate", "bear", "live", "reside", "settle", "travel", "move",
               "arrive", "visit", "flee", "return"}  # "based in X", "born in X", "travelled to X"
AGENT_VERBS = {"say", "tell", "sign", "approve", "announce", "agree", "decide", "vote", "order", "hire", "accuse",
               "reject", "welcome", "condemn", "propose", "monitor", "sue", "pay", "file", "argue", "warn", "claim",
               "deny", "confirm", "estimate", "expect", "promise", "refuse", "demand", "invest", "acquire", "buy",
               "sell", "appoint", "represent", "negotiate", "criticise", "criticize", "praise", "urge", "ask",
               "call", "plan", "intend", "employ", "launch", "publish", "release", "fund", "sponsor", "lead",
               "add", "note", "report", "write", "believe", "think", "want", "hope", "fear", "insist", "respond",
               "recommend", "rule", "fine", "charge", "arrest", "elect", "nominate", "award", "grant", "offer",
               "operate", "manage", "own", "found", "establish", "spend",
               "lose", "win", "oppose", "support", "back", "endorse", "admit", "apologise", "apologize", "comment",
               "decline", "declare", "explain", "threaten", "vow", "pledge", "commit", "contract", "partner",
               "collaborate", "cooperate", "compete", "testify", "appeal", "protest", "resign", "retire"}
