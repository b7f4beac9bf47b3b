// A synthetic corpus whose true people are known, for scoring author disambiguation (bench:identity).
//
// What it contains, and why: name frequencies close to the populations' (Chinese family names Zipf-like over a
// hundred with Wang near 10 %, given names of one or two syllables from a pool so "Wei" recurs but most combinations
// are rare; Korean and Vietnamese family names as concentrated as they are (Kim, Nguyen); Japanese and Western family
// names with a long tail of rare ones), so namesakes occur inside one field and across fields; people who change labs
// (a second co-author network), some of them into another field; one person under several spellings (initials,
// dropped middle initial, hyphenated or joined given names, German transliterations, family-first order); ORCIDs on
// some mentions only; a Zipf-like productivity; recurring lab co-authors; two large collaborations whose papers list
// hundreds of members.
import { seededRandom } from '../client/src/graph/rng.js';
import type { Mention } from '../ingest/identity/model.js';
import { zipfSampler } from './synthetic.js';
import { must } from '../core/must.js';

export interface GenOptions {
  people: number;
  papers: number;
  seed?: number;
}

export interface GenMention extends Mention {
  /** Index of the true person. */
  truth: number;
  /** "Given Family" as co-authors list it. */
  display: string;
}

interface Field {
  codes: string[];
}

const FIELDS: Field[] = [
  { codes: ['cs.CV', 'eess.IV'] },
  { codes: ['cs.CL', 'cs.AI'] },
  { codes: ['cs.LG', 'stat.ML'] },
  { codes: ['cs.RO', 'cs.SY'] },
  { codes: ['cs.CR', 'cs.NI'] },
  { codes: ['cs.DB', 'cs.IR'] },
  { codes: ['hep-th', 'gr-qc'] },
  { codes: ['hep-ph'] },
  { codes: ['hep-ex'] },
  { codes: ['astro-ph.GA', 'astro-ph.CO'] },
  { codes: ['cond-mat.mtrl-sci', 'cond-mat.str-el'] },
  { codes: ['quant-ph'] },
  { codes: ['math.AP', 'math.PR'] },
  { codes: ['q-bio.NC', 'q-bio.QM'] },
  { codes: ['physics.optics'] },
  { codes: ['econ.EM', 'q-fin.ST'] },
];

const words = (s: string) => s.trim().split(/\s+/);
const CULTURES = {
  chinese: {
    share: 0.34,
    family: words('Wang Li Zhang Liu Chen Yang Huang Zhao Wu Zhou Xu Sun Ma Zhu Hu Guo He Lin Gao Luo Zheng Liang Xie Song Tang Han Feng Deng Cao Peng Zeng Xiao Tian Dong Pan Yuan Cai Jiang Yu Du Ye Cheng Su Lu Ding Ren Shen Yao Jin Wei Jia Xia Fu Fang Zou Xiong Bai Meng Qin Qiu Hou Yin Xue Yan Duan Lei Long Shi Tao Mao Hao Gu Gong Shao Wan Qian Tan Wen Kong Kang Chang Dai Niu Qi Mo Zhan Lai Ruan Xiang Geng Hong Guan Yue Qu Ge Yi Zhai Xing Bao'),
    familyS: 0.7,
    rareFamily: 0,
    // Given names: one syllable or two (the syllable break kept as "Xiao|ming" for the "Xiao-Ming" spelling).
    given: { syllables: words('Wei Jing Lei Min Hao Yan Jun Bo Tao Xin Yu Fei Jie Ling Qiang Yong Hui Ping Gang Peng Xiao Ming Zhi Yuan Yi Chen Ran Jia Zi Han Hang Jian Guo Fan Ruo Xi Shuang Qian Rui Kai Ning Dan Chao Long Xu Liang Feng Shan Meng Na Xue Yue Wen Hong Li Hua Qing Ying Lin Bin Tian Zhen Rong Xiang Kun Wu Ze'), single: 0.3, s: 0.7 },
  },
  western: {
    share: 0.38,
    familyS: 0.7,
    rareFamily: 0.55,
    family: words('Smith Johnson Brown Miller Garcia Martin Müller Schmidt Schneider Fischer Weber Meyer Wagner Becker Schulz Hoffmann Rossi Russo Ferrari Silva Santos Dubois Bernard Jansen Novak Kowalski Andersen Larsen Nielsen Keller Schäfer Köhler Günther Jäger Krönke Häntze Bauer Koch Richter Klein Wolf Neumann Schwarz Zimmermann Braun Krüger Hofmann Lange Werner Krause Lehmann Walker Taylor Wilson Moore Clark Lewis Young Allen King Wright Scott Green Baker Hill Roberts Evans Turner Phillips Campbell Parker Collins Edwards Stewart Morris Murphy Cook Rogers Morgan Cooper Peterson Bailey Reed Kelly Howard Ward Cox Richardson Wood Watson Brooks Bennett Gray Hughes Price Sanders Myers Long Ross Foster'),
    givenS: 0.7,
    given: words('Michael Thomas Andreas Stefan Christian Daniel Martin Alexander Markus Tobias Johannes Johann Jan Hans Klaus Peter Felix Lukas Moritz Julia Anna Laura Sarah Lisa Katharina Maria Sophie Elena Marco Luca Giulia Francesco Pierre Marie Claire Antoine David John James Robert William Richard Joseph Charles Christopher Matthew Anthony Mark Paul Steven Andrew Kenneth Kevin Brian George Edward Ronald Timothy Jason Jeffrey Ryan Jacob Gary Nicholas Eric Jonathan Stephen Larry Justin Scott Brandon Benjamin Samuel Gregory Frank Patrick Raymond Jack Dennis Jerry Tyler Aaron Jose Adam Henry Nathan Douglas Zachary Peter Kyle Walter Ethan Jeremy Harold Keith Christian Roger Noah Gerald Carl Terry Sean Austin Arthur Lawrence Jesse Dylan Bryan Joe Jordan Billy Bruce Albert Willie Gabriel Logan Alan Juan Wayne Roy Ralph Randy Eugene Vincent Russell Elijah Louis Bobby Philip Johnny Emma Olivia Ava Isabella Mia Charlotte Amelia Harper Evelyn Abigail Emily Ella Elizabeth Camila Luna Sofia Avery Mila Aria Scarlett Penelope Layla Chloe Victoria Madison Eleanor Grace Nora Riley Zoey Hannah Hazel Lily Ellie Violet Lillian Zoe Stella Aurora Natalie Emilia Everly Leah Aubrey Willow Addison Lucy Audrey Bella Nova Brooklyn Paisley Savannah Claire Skylar Isla Genesis Naomi Elena Caroline Eliana Anna Maya Valentina Ruby Kennedy Ivy Ariana Aaliyah Cora Madelyn Alice Kinsley Hailey Gabriella Allison Gianna Serenity Samantha Sarah Autumn Quinn Eva Piper Sophie Sadie Delilah Josephine Nevaeh Adeline Arya Emery Lydia Clara Vivian Madeline Peyton Julia Rylee Brielle Reagan Natalia Jade Athena Maria Leilani Everleigh Liliana Melanie Mackenzie Hadley Raelynn Kaylee Rose Arianna Isabelle Melody Eliza Lyla Katherine Aubree Adalynn Kylie Faith Mary Margaret Ximena Iris Alexandra Jasmine Charlie Amaya Taylor Isabel Ashley Khloe Ryleigh Alexa Amara Valeria Andrea Parker Norah Eden Elliana Brianna Emersyn Valerie Anastasia Eloise Emerson Cecilia Remi Josie Reese Bailey Lucia Adalyn Molly Ayla Sara Daisy London Jordyn Esther Genevieve Harmony Annabelle Alyssa Ariel Aliyah Londyn Juliana Morgan Summer Juliette Trinity Callie Sienna Blakely Alaia Kayla Teagan Alaina Brynlee Finley Catalina Sloane Rachel Lilly Ember'),
  },
  indian: {
    share: 0.1,
    familyS: 1,
    rareFamily: 0,
    givenS: 0.6,
    family: words('Kumar Singh Sharma Gupta Patel Shah Reddy Das Iyer Rao Nair Mehta Joshi Banerjee Chatterjee Mukherjee Agarwal Verma Mishra Pandey'),
    given: words('Rahul Amit Priya Ankit Deepak Rajesh Sunil Anil Vijay Sanjay Pooja Neha Arjun Aditya Rohit Vikram Sneha Kavita Ravi Suresh Manish Nikhil Abhishek Shreya Ananya Karthik Siddharth Varun Gaurav Ashish Ajay Akash Alok Anand Anupam Arun Avinash Chandan Dinesh Divya Ganesh Harish Hemant Jayant Kiran Lalit Mahesh Manoj Mohit Mukesh Naveen Pankaj Prakash Pranav Rakesh Ramesh Sachin Sandeep Santosh Saurabh Shashank Shiv Srinivas Subhash Sudhir Tarun Uday Vinay Vivek Yogesh'),
  },
  korean: {
    share: 0.07,
    familyS: 0.9,
    rareFamily: 0,
    family: words('Kim Lee Park Choi Jung Kang Cho Yoon Jang Lim Han Shin Seo Kwon Hwang'),
    // Two syllables, written hyphenated ("Min-jun"), joined ("Minjun") or spaced in other sources.
    given: { syllables: words('Min Jun Seo Yeon Ji Hoon Woo Hyun Soo Jin Jae Won Eun Sung Young Ho Dong Hye Joon Mi Kyung Sang Yu Na Tae Seung Hee Jung Kyu Chul Hwa Sook Yong Jong'), single: 0, s: 0.6, korean: true },
  },
  japanese: {
    share: 0.06,
    familyS: 0.5,
    rareFamily: 0.6,
    givenS: 0.5,
    family: words('Sato Suzuki Takahashi Tanaka Watanabe Ito Yamamoto Nakamura Kobayashi Kato Yoshida Yamada Sasaki Yamaguchi Matsumoto Inoue Kimura Hayashi Shimizu Mori'),
    given: words('Hiroshi Takashi Yuki Kenji Akira Satoshi Naoki Daisuke Yusuke Kazuki Haruka Yoko Keiko Tomoko Shota Ryo Takuya Kenta Sho Yuta Hiroki Kazuya Masato Tomohiro Koji Makoto Takeshi Shinji Yasuhiro Atsushi Tetsuya Masahiro Kohei Ryota Yuichi Junichi Kosuke Takumi Hideki Nobuyuki Ayaka Misaki Naoko Emi Rie Megumi Sayaka Kaori Yumi Mai'),
  },
  vietnamese: {
    share: 0.05,
    familyS: 1.1,
    rareFamily: 0,
    givenS: 0.7,
    family: words('Nguyen Tran Le Pham Hoang Phan Vu Dang Bui Do'),
    given: words('Minh Anh Duc Hung Linh Tuan Huong Thanh Lan Nam Hieu Trang Quang Phuong Long Hai Khanh Son Thao Viet Hoa Dung Thu Hanh Binh Cuong Dat Hoai Khoa Loc'),
  },
} as const;
type Culture = keyof typeof CULTURES;

const TRANSLIT: Record<string, string> = { ä: 'ae', ö: 'oe', ü: 'ue', Ä: 'Ae', Ö: 'Oe', Ü: 'Ue' };
const SYLLABLES = words('ka ro mi ta len dor vas quin bel mar tis ol und rav sel gor fen wik bran dal mos ter pil sun hav');

interface Person {
  culture: Culture;
  given: string;
  middle: string | null;
  family: string;
  field: number;
  labs: number[];
  /** Year the person moves to the second lab. */
  moveYear: number;
  start: number;
  end: number;
  orcid: string | null;
  writesMiddle: number;
  /** How often a two-syllable given name is written hyphenated ("Xiao-Ming", "Min-Jun") rather than joined. */
  hyphenates: number;
  /** Collaborators outside the person's field and labs, met again and again (an interdisciplinary tie). */
  outside: number[];
}

interface Lab {
  field: number;
  members: number[];
  topics: string[];
}

/** Generates the corpus: mentions in paper order, each with its true person. */
export function generateCorpus(opts: GenOptions): { mentions: GenMention[]; people: number; papers: number; names: string[] } {
  const rand = seededRandom(opts.seed ?? 7);
  const pick = <T>(a: readonly T[]): T => must(a[Math.floor(rand() * a.length)], 'a[Math.floor(rand() * a.length)]');
  const zipfs = new Map<readonly string[], () => number>();
  const zipfPick = (a: readonly string[], s: number): string => {
    let z = zipfs.get(a);
    if (!z) zipfs.set(a, (z = zipfSampler(a.length, s, rand, 1)));
    return must(a[z()], 'a[z()]');
  };
  const cultures = Object.keys(CULTURES) as Culture[];
  const rareFamily = () => {
    const n = 2 + Math.floor(rand() * 2);
    const s = Array.from({ length: n }, () => pick(SYLLABLES)).join('');
    return `${must(s[0], 's[0]').toUpperCase()}${s.slice(1)}`;
  };

  // Chinese and Korean given names are one or two syllables from a pool, so common ones recur ("Wei") while most
  // combinations are rare, as in the population; other cultures draw whole given names.
  const givenName = (pool: (typeof CULTURES)[Culture]): string => {
    if (!('syllables' in pool.given)) return zipfPick(pool.given, 'givenS' in pool ? pool.givenS : 0.7);
    const g = pool.given;
    const first = zipfPick(g.syllables, g.s);
    if (rand() < g.single) return first;
    return `${first}|${zipfPick(g.syllables, g.s).toLowerCase()}`;
  };

  const nLabs = Math.max(FIELDS.length, Math.round(opts.people / 9));
  const labs: Lab[] = Array.from({ length: nLabs }, (_, i) => {
    const field = i % FIELDS.length;
    return { field, members: [], topics: Array.from({ length: 5 }, () => `f${field}:t${Math.floor(rand() * 40)}`) };
  });
  const labsOfField = FIELDS.map((_, f) => labs.map((l, i) => (l.field === f ? i : -1)).filter((i) => i >= 0));

  const people: Person[] = [];
  for (let i = 0; i < opts.people; i++) {
    let x = rand();
    let culture: Culture = 'western';
    for (const c of cultures) {
      if (x < CULTURES[c].share) {
        culture = c;
        break;
      }
      x -= CULTURES[c].share;
    }
    const pool = CULTURES[culture];
    const family = rand() < pool.rareFamily ? rareFamily() : zipfPick(pool.family, pool.familyS);
    const given = givenName(pool);
    const lab = Math.floor(rand() * nLabs);
    const field = must(labs[lab], 'labs[lab]').field;
    const start = 1995 + Math.floor(rand() * 27);
    const end = Math.min(2025, start + 2 + Math.floor(rand() * 20));
    const person: Person = {
      culture,
      given,
      middle: culture === 'western' && rand() < 0.4 ? String.fromCharCode(65 + Math.floor(rand() * 26)) : null,
      family,
      field,
      labs: [lab],
      moveYear: 9999,
      start,
      end,
      orcid: rand() < 0.2 ? `0000-0001-${String(1000 + (i % 9000)).padStart(4, '0')}-${String(i % 10000).padStart(4, '0')}` : null,
      writesMiddle: rand() < 0.7 ? 0.9 : 0.3,
      // A person mostly keeps one form; co-authors who type the list sometimes use the other.
      hyphenates: rand() < (culture === 'korean' ? 0.6 : 0.15) ? 0.9 : 0.1,
      outside: [],
    };
    // A quarter move to a second lab halfway through their career (a new co-author network); one in five of those
    // also changes field (physics to machine learning, say).
    if (rand() < 0.25 && end - start > 4) {
      const nextField = rand() < 0.2 ? Math.floor(rand() * FIELDS.length) : field;
      person.labs.push(pick(must(labsOfField[nextField], 'labsOfField[nextField]')));
      person.moveYear = start + Math.floor((end - start) / 2);
    }
    for (const l of person.labs) must(labs[l], 'labs[l]').members.push(i);
    people.push(person);
  }

  // Each person's outside collaborators: anyone in the corpus, but the same few over a career.
  for (const p of people) p.outside = Array.from({ length: 3 }, () => Math.floor(rand() * opts.people));

  // Two large collaborations (hep-ex, astro-ph) recruit members of their fields.
  const collabs = [8, 9].map((field, k) => {
    const inField = people.map((p, i) => (p.field === field ? i : -1)).filter((i) => i >= 0);
    const size = Math.min(inField.length, k === 0 ? 300 : 150);
    const members = [...inField].sort(() => rand() - 0.5).slice(0, size);
    return { field, members };
  });

  const render = (p: Person, paperId: string, position: number, explicit: boolean, m: Omit<Mention, 'paperId' | 'position' | 'name' | 'coauthors' | 'authorCount'>, truth: number): GenMention => {
    let given = p.given;
    let family = p.family;
    if (given.includes('|')) {
      const [a, b] = given.split('|') as [string, string];
      given = rand() < p.hyphenates ? `${a}-${must(b[0], 'b[0]').toUpperCase()}${b.slice(1)}` : `${a}${b}`;
    }
    if (/[äöüÄÖÜ]/.test(family) && rand() < 0.2) family = family.replace(/[äöüÄÖÜ]/g, (c) => must(TRANSLIT[c], 'TRANSLIT[c]'));
    const initials = rand() < 0.08;
    if (initials) given = given.split(/[- ]/).map((g) => `${g[0]}.`).join(given.includes('-') ? '-' : ' ');
    const middle = p.middle && rand() < p.writesMiddle ? ` ${p.middle}.` : '';
    given = `${given}${middle}`;
    const out: GenMention = { ...m, paperId, position, name: `${given} ${family}`, display: `${given} ${family}`, coauthors: [], authorCount: 1, truth };
    if (explicit) {
      out.given = given;
      out.family = family;
    } else if (p.culture === 'chinese' && rand() < 0.05) {
      out.name = `${family} ${given}`;
      out.nameOrder = 'family-given';
    }
    if (p.orcid && rand() < 0.5) out.orcid = p.orcid;
    return out;
  };

  const pickPerson = zipfSampler(opts.people, 0.8, rand, 50);
  // Productivity is by person index; shuffle it so it is unrelated to culture or lab.
  const order = Array.from({ length: opts.people }, (_, i) => i).sort(() => rand() - 0.5);
  const mentions: GenMention[] = [];
  for (let n = 0; n < opts.papers; n++) {
    const paperId = `gen:${n}`;
    let authors: number[];
    let field: number;
    let topics: string[];
    let year: number;
    if (rand() < 0.003) {
      const c = must(collabs[n % 2], 'collabs[n % 2]');
      authors = c.members.filter(() => rand() < 0.85).sort((a, b) => (must(people[a], 'people[a]').family < must(people[b], 'people[b]').family ? -1 : 1));
      field = c.field;
      year = 2005 + Math.floor(rand() * 20);
      topics = [`f${field}:collab${n % 2}`];
    } else {
      const lead = must(order[pickPerson()], 'order[pickPerson()]');
      const p = must(people[lead], 'people[lead]');
      year = p.start + Math.floor(rand() * (p.end - p.start + 1));
      const lab = must(labs[year >= p.moveYear ? must(p.labs[1], 'p.labs[1]') : must(p.labs[0], 'p.labs[0]')], 'labs[year >= p.moveYear ? p.labs[1] : p.labs[0]]');
      field = lab.field;
      const size = must([1, 2, 2, 3, 3, 3, 4, 4, 5, 6, 7][Math.floor(rand() * 11)], 'paper size');
      const set = new Set<number>([lead]);
      for (let k = 1; k < size * 3 && set.size < size; k++) {
        const r = rand();
        if (r < 0.8) set.add(pick(lab.members));
        else if (r < 0.95) {
          const other = must(labs[pick(must(labsOfField[field], 'labsOfField[field]'))], 'labs[pick(labsOfField[field])]');
          set.add(pick(other.members.length > 0 ? other.members : lab.members));
        }
        else set.add(pick(p.outside));
      }
      authors = [...set];
      topics = [...new Set(Array.from({ length: 1 + Math.floor(rand() * 3) }, () => pick(lab.topics)))];
    }
    if (authors.length === 0) continue;
    const codes = must(FIELDS[field], 'FIELDS[field]').codes;
    const categories = rand() < 0.3 && codes.length > 1 ? [...codes] : [must(codes[0], 'codes[0]')];
    const explicit = rand() < 0.5;
    const rendered = authors.map((a, position) => render(must(people[a], 'people[a]'), paperId, position, explicit, { categories, topics, year }, a));
    const names = rendered.map((r) => r.display);
    for (const r of rendered) {
      r.coauthors = names.filter((_, i) => i !== r.position);
      r.authorCount = rendered.length;
      mentions.push(r);
    }
  }
  const names = people.map((p) => `${p.given.replace('|', '')} ${p.family}`);
  return { mentions, people: opts.people, papers: opts.papers, names };
}
