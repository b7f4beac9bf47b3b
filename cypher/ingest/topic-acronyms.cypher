// Stored acronym definitions of the given acronyms: each expansion with the number of papers that defined it so.
UNWIND $acronyms AS acronym
MATCH (a:TopicAcronym {acronym: acronym})
RETURN a.acronym AS acronym, a.expansion AS expansion, a.papers AS papers
