/** A reported group, reduced to what matching needs. */
export interface ReportedGroup {
  id: string;
  ips: string[];
  /** What binds it, for the "found on the background" report. */
  summary?: string;
}

/** How one injected campaign was recovered. */
export interface CampaignMatch {
  campaignId: string;
  size: number;
  /** Best reported group (max recall × purity), or null when none shares an IP. */
  groupId: string | null;
  recall: number;
  /** Share of the group's IPs that belong to this campaign (background IPs count against it). */
  purity: number;
  groupSize: number;
}

/** Matches of all campaigns, plus the groups that matched none (what was found on the background). */
export interface Evaluation {
  matches: CampaignMatch[];
  backgroundGroups: ReportedGroup[];
}

/**
 * Match each injected campaign to the reported group that maximises recall × purity against it
 * (linear: an IP → campaign map, one pass over each group's IPs). Groups holding no injected IP
 * are reported as background findings, so many overlapping groups are visible, not free.
 *
 * @example
 * ```ts
 * const ev = matchCampaigns([{ id: 'snowshoe-1', ips: ['1.2.3.4', …] }], campaigns.map((c) => ({ id: c.id, ips: c.ips.map((i) => i.ip) })));
 * ev.matches[0].recall;
 * ```
 */
export function matchCampaigns(truth: Array<{ id: string; ips: string[] }>, reported: ReportedGroup[]): Evaluation {
  const owner = new Map<string, string>();
  for (const c of truth) for (const ip of c.ips) owner.set(ip, c.id);
  const best = new Map<string, CampaignMatch>(truth.map((c) => [c.id, { campaignId: c.id, size: c.ips.length, groupId: null, recall: 0, purity: 0, groupSize: 0 }]));
  const backgroundGroups: ReportedGroup[] = [];
  for (const g of reported) {
    const hits = new Map<string, number>();
    for (const ip of g.ips) {
      const o = owner.get(ip);
      if (o) hits.set(o, (hits.get(o) ?? 0) + 1);
    }
    if (hits.size === 0) backgroundGroups.push(g);
    for (const [cid, n] of hits) {
      const m = best.get(cid)!;
      const recall = n / m.size;
      const purity = n / g.ips.length;
      if (recall * purity > m.recall * m.purity) Object.assign(m, { groupId: g.id, recall, purity, groupSize: g.ips.length });
    }
  }
  return { matches: [...best.values()], backgroundGroups };
}
