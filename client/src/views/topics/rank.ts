// Pure ranking for the topic panel: who wrote most of a topic's papers.

/** Pure: the most frequent authors over papers' author lists, most papers first then by name. */
export function rankAuthors(lists: readonly { id: string; name: string }[][], limit = 10): { id: string; name: string; papers: number }[] {
  const counts = new Map<string, { id: string; name: string; papers: number }>();
  for (const list of lists) {
    for (const a of new Map(list.map((x) => [x.id, x])).values()) {
      const c = counts.get(a.id) ?? { id: a.id, name: a.name, papers: 0 };
      c.papers++;
      counts.set(a.id, c);
    }
  }
  return [...counts.values()].sort((a, b) => b.papers - a.papers || a.name.localeCompare(b.name)).slice(0, limit);
}
