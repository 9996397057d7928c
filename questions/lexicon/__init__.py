"""Word lists the rules read: general English, never a name or phrase of any article."""

# Plain English near-synonyms, so "the plane" can find what "the aircraft" was called.
SYNONYMS = [{"plane", "aircraft", "airplane", "jet", "airliner"}, {"company", "firm", "business", "corporation", "maker"},
            {"agency", "authority", "organization", "body"}, {"country", "nation"}, {"city", "town"},
            {"play", "show", "production", "comedy", "drama", "musical"}, {"film", "movie"}, {"car", "vehicle"},
            {"ship", "vessel"}, {"earthquake", "quake"}, {"deal", "agreement", "accord", "pact"}, {"law", "act", "bill", "measure", "legislation"}]

NAME_NOUN_LABELS = {"ORG", "FAC", "EVENT", "PRODUCT", "LAW", "WORK_OF_ART", "OTHER", "PERSON", "GPE", "LOC"}

# the common nouns a name can end or begin with that a story then uses for it alone
KIND_NOUNS = {"commission", "ministry", "agency", "council", "department", "federation", "union", "institute",
              "university", "college", "school", "hospital", "committee", "board", "authority", "bank", "company",
              "corporation", "service", "office", "court", "party", "association", "foundation", "center", "centre",
              "program", "programme", "project", "initiative", "plan", "fund", "act", "law", "treaty", "pact",
              "agreement", "accord", "summit", "conference", "festival", "race", "tournament", "cup", "championship",
              "storm", "hurricane", "typhoon", "cyclone", "survey", "report", "study", "museum", "exhibition", "group",
              "network", "alliance", "coalition", "mission", "telescope", "satellite", "device", "app", "system",
              "cooperative", "guild", "trust", "society", "league", "chamber"}

# Common nouns for a kind of thing: "the company" alone makes a reader ask "which company?" (kind_names.py)
COMMON_KINDS = {"company", "firm", "business", "corporation", "maker", "manufacturer", "startup", "retailer", "carmaker",
                "automaker", "bank", "airline", "species", "province", "state", "region", "county", "district",
                "city", "town", "village", "country", "law", "act", "bill", "plant", "factory", "mine", "team",
                "group", "study", "survey", "report", "agency", "organization", "organisation", "party", "union",
                "university", "school", "hospital", "museum", "project", "scheme", "programme", "program", "charity",
                "club", "band", "festival", "committee", "council", "commission", "ministry", "department",
                "institute", "court", "journal", "newspaper", "app", "device", "vaccine", "drug", "treaty", "cooperative",
                "guild", "trust", "society", "league", "chamber"}

FIRST_KIND_NOUNS = {"storm", "hurricane", "typhoon", "cyclone"}  # "Storm Idris": the kind comes first

HUMAN_NOUNS = {"boy", "girl", "man", "woman", "child", "son", "daughter", "mother", "father", "person", "resident",
               "student", "teacher", "worker", "driver", "patient", "victim", "player", "officer", "official", "farmer",
               "husband", "wife", "brother", "sister", "friend", "owner", "neighbour", "neighbor", "pupil", "doctor"}

ORGANIZATION_WORDS = {"department", "agency", "institution", "institute", "administration", "company", "inc", "corp",
                      "corporation", "council", "ministry", "court", "university", "bank", "association",
                      "organization", "union", "party", "commission", "service", "office", "committee", "foundation",
                      "group", "airways", "airlines", "times", "news", "fund", "board", "force", "army", "navy",
                      "congress", "parliament", "senate", "pentagon", "club", "team", "school", "college", "nations",
                      "network", "authority", "federation", "alliance", "bureau", "organisation"}

# Words that say a name is a body's, one list per question asked of it:
# - ORGANIZATION_WORDS (above): a phrase names an organisation at all (phrasing.py);
# - BUSINESS_WORDS: the last word of a name only a business takes ("Dunmere Properties", "Vell Holdings"; businesses.py);
# - BODY_ENDINGS: the last word of another body's name, a name even when written once ("the Fenmoor Trust"; names.py);
# - COMPANY_NOUNS: a common noun an apposition gives a named body ("Orrin, a lender, ..."), BUSINESS_NOUNS those of
#   them that make it a company (generator.py descriptors).
BUSINESS_WORDS = {"properties", "holdings", "group", "ltd", "limited", "inc", "plc", "llc", "corp", "co", "partners",
                  "industries", "enterprises", "systems", "technologies", "telecom", "appliances", "motors",
                  "pharmaceuticals", "therapeutics", "logistics", "electronics", "foods", "brands", "homes",
                  "airlines", "airways", "renewables", "aerospace", "laboratories", "labs", "capital", "developments"}
BODY_ENDINGS = {"guild", "trust", "society", "league", "chamber", "association", "council", "federation", "union",
                "foundation", "institute", "commission", "authority", "board", "agency", "alliance", "coalition"}
COMPANY_NOUNS = {"company", "firm", "business", "corporation", "maker", "manufacturer", "bank", "startup", "retailer",
                 "airline", "carrier", "lender", "insurer", "automaker", "carmaker", "chipmaker", "broadcaster",
                 "publisher", "newspaper", "brand", "chain", "developer", "producer", "group", "agency", "organization",
                 "university", "club", "team", "party", "union", "network"}
BUSINESS_NOUNS = {"company", "firm", "business", "corporation", "maker", "manufacturer", "startup", "retailer", "lender",
                  "insurer", "automaker", "carmaker", "chipmaker", "publisher", "broadcaster", "developer", "producer",
                  "chain", "brand"}

CATEGORY_WORDS = {"river", "lake", "sea", "ocean", "mountain", "mountains", "island", "islands", "bay", "gulf", "desert",
                  "valley", "canal", "bridge", "airport", "university", "college", "hospital", "museum", "stadium", "park",
                  "dam", "volcano", "street", "square", "palace", "prison", "court", "bank", "party", "company", "province",
                  "county", "strait", "peninsula", "coast", "forest", "glacier", "reef", "channel", "station", "cathedral",
                  "church", "mosque", "temple", "zoo", "festival", "orchestra"}

# Jobs and positions a news story writes in lower case in front of a name ("striker Ana Ruiz", "nurse Ola Berg"):
# capitalised only at the start of a sentence. Offices of rank ("President", "Minister") keep their capital.
OCCUPATION_WORDS = {"striker", "midfielder", "defender", "forward", "winger", "goalkeeper", "keeper", "centre-back",
                    "center-back", "fullback", "quarterback", "pitcher", "batter", "bowler", "batsman", "sprinter",
                    "runner", "swimmer", "cyclist", "player", "nurse", "doctor", "surgeon", "scientist", "researcher",
                    "economist", "engineer", "teacher", "student", "farmer", "actor", "actress", "singer", "rapper",
                    "musician", "artist", "author", "writer", "novelist", "poet", "reporter", "photographer",
                    "activist", "lawyer", "architect", "designer", "chef", "driver", "pilot", "astronaut", "analyst",
                    "historian", "resident", "spokesperson", "spokesman", "spokeswoman"}
