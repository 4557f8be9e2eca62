/** How distinctive an injected campaign is: the share of its dictionary that nobody else uses. */
export type Distinctiveness = 'high' | 'medium' | 'low';

/** One injected group, as written to the ground-truth side file. */
export interface InjectedCampaign {
  id: string;
  kind: 'snowshoe' | 'botnet';
  level: Distinctiveness;
  ips: string[];
  /** `sensor/session`. */
  sessions: string[];
  clientVersion: string | null;
  hassh: string | null;
  dictionary: Array<{ username: string; password: string }>;
  script?: string[];
  firstSeen: string;
  lastSeen: string;
}

/** One injected novel (longtail) session. */
export interface InjectedNovelSession {
  sensor: string;
  session: string;
  ip: string;
  what: string;
}

/** The side file next to a simulated log. */
export interface GroundTruth {
  seed: number;
  start: string;
  end: string;
  sessions: number;
  events: number;
  campaigns: InjectedCampaign[];
  novelSessions: InjectedNovelSession[];
}
