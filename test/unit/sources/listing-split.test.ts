// The listing's title/author splitter: titles glued to author lists with no separator.
import { describe, expect, it } from 'vitest';
import { isNameShaped, parseAuthorList, splitTitleAuthors } from '../../../ingest/sources/listing.js';

/** Split and return [title, authors, truncated] for compact assertions. */
function split(line: string): [string, string[], boolean] | null {
  const r = splitTitleAuthors(line);
  return r ? [r.title, r.authors, r.truncated] : null;
}

describe('splitTitleAuthors: how the title ends', () => {
  it.each<[string, string, string[]]>([
    // ends in "?"
    ['What Does DALL-E 2 Know About Radiology?Lisa C. Adams, Felix Busch, Daniel Truhn et al.', 'What Does DALL-E 2 Know About Radiology?', ['Lisa C. Adams', 'Felix Busch', 'Daniel Truhn']],
    ['Is Attention All You Need?Ann Lee, Bo Chen', 'Is Attention All You Need?', ['Ann Lee', 'Bo Chen']],
    // ends in ")"
    ['Segmentation of the Liver (CT)Lisa Adams, Felix Busch', 'Segmentation of the Liver (CT)', ['Lisa Adams', 'Felix Busch']],
    ['A Benchmark for Pediatric Pneumonia (PPD)Moritz Knolle', 'A Benchmark for Pediatric Pneumonia (PPD)', ['Moritz Knolle']],
    // ends in lower case
    ['NeuralDP Differentially private neural networks by designMoritz Knolle, Dmitrii Usynin, Alexander Ziller et al.', 'NeuralDP Differentially private neural networks by design', ['Moritz Knolle', 'Dmitrii Usynin', 'Alexander Ziller']],
    ['State-of-the-art results on affordable hardwareKeno K. Bressem, Stefan M. Niehues', 'State-of-the-art results on affordable hardware', ['Keno K. Bressem', 'Stefan M. Niehues']],
    // ends in a capitalised word
    ['A Comprehensive German BERT Model for the Medical DomainKeno K. Bressem, Jens-Michalis Papaioannou', 'A Comprehensive German BERT Model for the Medical Domain', ['Keno K. Bressem', 'Jens-Michalis Papaioannou']],
    // ends in an acronym: the acronym's last capital belongs to the name
    ['MRSegmentator: Multi-Modality Segmentation of 40 Classes in MRI and CTHartmut Häntze, Lina Xu, Christian J. Mertens et al.', 'MRSegmentator: Multi-Modality Segmentation of 40 Classes in MRI and CT', ['Hartmut Häntze', 'Lina Xu', 'Christian J. Mertens']],
    ['Foundation Models for MRIHartmut Häntze', 'Foundation Models for MRI', ['Hartmut Häntze']],
    ['Benchmarking LLMsAmin Dada, Felix Busch', 'Benchmarking LLMs', ['Amin Dada', 'Felix Busch']],
    ['A Dataset for NLPOlga Smith, Ian Jones', 'A Dataset for NLP', ['Olga Smith', 'Ian Jones']],
    // ends in a digit
    ['Estimates and Trends for COVID-19Lisa C. Adams, Felix Busch', 'Estimates and Trends for COVID-19', ['Lisa C. Adams', 'Felix Busch']],
    ['Llama 3Hugo Touvron, Louis Martin et al.', 'Llama 3', ['Hugo Touvron', 'Louis Martin']],
    ['Minimal information for studies of extracellular vesicles 2018Clotilde Théry, Kenneth W. Witwer', 'Minimal information for studies of extracellular vesicles 2018', ['Clotilde Théry', 'Kenneth W. Witwer']],
    // ends in "." / quotes / ":" / "!"
    ['MEDBERT.deKeno K. Bressem', 'MEDBERT.de', ['Keno K. Bressem']],
    ['Segment Anything in Medical Images, Revisited.Jun Ma, Bo Wang', 'Segment Anything in Medical Images, Revisited.', ['Jun Ma', 'Bo Wang']],
    ['The “Unreasonable” Effectiveness of CLIP”Ann Lee, Bo Chen', 'The “Unreasonable” Effectiveness of CLIP”', ['Ann Lee', 'Bo Chen']],
    ['Stop Overfitting!Ann Lee, Bo Chen', 'Stop Overfitting!', ['Ann Lee', 'Bo Chen']],
  ])('%s', (line, title, authors) => {
    const r = splitTitleAuthors(line);
    expect(r?.title).toBe(title);
    expect(r?.authors).toEqual(authors);
  });
});

describe('splitTitleAuthors: how the first author starts', () => {
  it.each<[string, string, string[]]>([
    // initial first
    ['Deep Networks for Brain MRIM. Jorge Cardoso, Sébastien Ourselin', 'Deep Networks for Brain MRI', ['M. Jorge Cardoso', 'Sébastien Ourselin']],
    ['Learning from Noisy LabelsM. Jorge Cardoso, Sébastien Ourselin et al.', 'Learning from Noisy Labels', ['M. Jorge Cardoso', 'Sébastien Ourselin']],
    ['Segmentation in MRI and CTM. Jorge Cardoso', 'Segmentation in MRI and CT', ['M. Jorge Cardoso']],
    ['Segmentation of the Thyroid in 3DJ.-S. Jiang, Ann Lee', 'Segmentation of the Thyroid in 3D', ['J.-S. Jiang', 'Ann Lee']],
    // hyphenated given or family name
    ['A Graph Attention NetworkJens-Michalis Papaioannou, Paul Grundmann', 'A Graph Attention Network', ['Jens-Michalis Papaioannou', 'Paul Grundmann']],
    ['Outcome PredictionMatthias Keicher, Hendrik Burwinkel, David Bani-Harouni et al.', 'Outcome Prediction', ['Matthias Keicher', 'Hendrik Burwinkel', 'David Bani-Harouni']],
    ['Pathology in ContextAnne-Marie Smith-Jones', 'Pathology in Context', ['Anne-Marie Smith-Jones']],
    // apostrophe
    ['Ultrasound ImagingPatrick O’Brien, Laura D\'Angelo', 'Ultrasound Imaging', ['Patrick O’Brien', "Laura D'Angelo"]],
    ["Radiology ReportsSiobhán O'Neill", 'Radiology Reports', ["Siobhán O'Neill"]],
    ['Stellar PopulationsA. Dall\'Aglio, L. Wisotzki', 'Stellar Populations', ["A. Dall'Aglio", 'L. Wisotzki']],
    // diacritics (first letter too)
    ['Tracked 3D Ultrasound in Thyroid VolumetryMarkus Krönke, Christine Eilers', 'Tracked 3D Ultrasound in Thyroid Volumetry', ['Markus Krönke', 'Christine Eilers']],
    ['Über die ZuordnungÉmile Zola, Søren Kierkegaard', 'Über die Zuordnung', ['Émile Zola', 'Søren Kierkegaard']],
    ['Deep Learning for ŁódźŁukasz Kaiser', 'Deep Learning for Łódź', ['Łukasz Kaiser']],
    // two-word family names, particles
    ['Atomic Fact-Checking: A Randomized Controlled TrialLisa C. Adams, Linus Marx, Erik Thiele Orberg et al.', 'Atomic Fact-Checking: A Randomized Controlled Trial', ['Lisa C. Adams', 'Linus Marx', 'Erik Thiele Orberg']],
    ['Climate PathwaysDetlef P. van Vuuren, Jae Edmonds', 'Climate Pathways', ['Detlef P. van Vuuren', 'Jae Edmonds']],
    ['The 1-type of a SpectrumFernando Muro, Ewine van Dishoeck', 'The 1-type of a Spectrum', ['Fernando Muro', 'Ewine van Dishoeck']],
    ['Hispanic CorporaJuan de la Cruz, María del Carmen', 'Hispanic Corpora', ['Juan de la Cruz', 'María del Carmen']],
    // internal capitals and suffixes
    ['Protein StructureWarren L. DeLano, Ann McDonald', 'Protein Structure', ['Warren L. DeLano', 'Ann McDonald']],
    ['In the WildMcKenzie Smith', 'In the Wild', ['McKenzie Smith']],
    ['Civil RightsMartin Luther King Jr., Ann Lee', 'Civil Rights', ['Martin Luther King Jr.', 'Ann Lee']],
    // all-caps family name after the first token
    ['Graph Mining at ScaleMing LIU, Wei ZHANG', 'Graph Mining at Scale', ['Ming LIU', 'Wei ZHANG']],
  ])('%s', (line, title, authors) => {
    const r = splitTitleAuthors(line);
    expect(r?.title).toBe(title);
    expect(r?.authors).toEqual(authors);
  });
});

describe('splitTitleAuthors: et al. and short lists', () => {
  it('et al. marks the list truncated and adds no author', () => {
    expect(split('A TitleAnn Lee, Bo Chen, Cy Dunn et al.')).toEqual(['A Title', ['Ann Lee', 'Bo Chen', 'Cy Dunn'], true]);
    expect(split('A TitleAnn Lee, et al.')).toEqual(['A Title', ['Ann Lee'], true]);
    expect(split('A TitleAnn Lee et al')).toEqual(['A Title', ['Ann Lee'], true]);
  });
  it('one or two authors without et al. are complete lists', () => {
    expect(split('A TitleAnn Lee')).toEqual(['A Title', ['Ann Lee'], false]);
    expect(split('A TitleAnn Lee, Bo Chen')).toEqual(['A Title', ['Ann Lee', 'Bo Chen'], false]);
    expect(split('A TitleAnn Lee and Bo Chen')).toEqual(['A Title', ['Ann Lee', 'Bo Chen'], false]);
  });
  it('tolerates trailing whitespace', () => {
    expect(split('A TitleAnn Lee, Bo Chen et al.   \t')).toEqual(['A Title', ['Ann Lee', 'Bo Chen'], true]);
  });
});

describe('splitTitleAuthors: picks the longest valid author list, never an empty title', () => {
  it('a title that itself looks like names splits at the glued boundary', () => {
    expect(split('Lisa AdamsFelix Busch, Daniel Truhn')).toEqual(['Lisa Adams', ['Felix Busch', 'Daniel Truhn'], false]);
  });
  it('prefers the earliest valid boundary (McDonald over Donald)', () => {
    expect(split('in the wildMcDonald Smith')).toEqual(['in the wild', ['McDonald Smith'], false]);
  });
  it('does not split inside hyphenated words of the title', () => {
    expect(split('U-GAT: Multimodal Graph Attention Network for COVID-19 Outcome PredictionMatthias Keicher, Hendrik Burwinkel')?.[0]).toBe(
      'U-GAT: Multimodal Graph Attention Network for COVID-19 Outcome Prediction',
    );
  });
  it('returns null when no boundary yields an author list', () => {
    expect(splitTitleAuthors('Just a title with no authors')).toBeNull();
    expect(splitTitleAuthors('Lisa C. Adams, Felix Busch')).toBeNull(); // authors only: title would be empty
    expect(splitTitleAuthors('A Title with authors after a space Lisa Adams')).toBeNull(); // not glued
    expect(splitTitleAuthors('')).toBeNull();
  });
  it('never starts the author list right after a hyphen or apostrophe inside a title word', () => {
    // Without that rule "Supervision Ann Lee" would pass as a three-word name and the title would end in "Self-".
    expect(splitTitleAuthors('Learning Self-Supervision Ann Lee')).toBeNull();
    expect(splitTitleAuthors("Notes on the Reader's Digest Ann Lee")).toBeNull();
  });
});

describe('name and list shapes', () => {
  it.each(['Lisa C. Adams', 'M. Jorge Cardoso', 'Erik Thiele Orberg', 'David Bani-Harouni', "Patrick O'Brien", 'Hartmut Häntze', 'J.-S. Jiang', 'Ewine van Dishoeck'])('%s is name-shaped', (n) => {
    expect(isNameShaped(n)).toBe(true);
  });
  it.each(['PredictionMatthias Keicher', 'THartmut Häntze', 'Lisa', 'lisa adams', 'Lisa adams', 'Lisa  Adams', 'Lisa 2', 'MRI Scans'])('%s is not', (n) => {
    expect(isNameShaped(n)).toBe(false);
  });
  it('a mononym is accepted only after the first author', () => {
    expect(parseAuthorList('Ann Lee, Mausam')).toEqual({ names: ['Ann Lee', 'Mausam'], truncated: false });
    expect(parseAuthorList('Mausam, Ann Lee')).toBeNull();
  });
  it('a list with a non-name part is rejected', () => {
    expect(parseAuthorList('Ann Lee, Deep learning')).toBeNull();
    expect(parseAuthorList('et al.')).toBeNull();
  });
});
