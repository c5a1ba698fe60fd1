import type { ShareCategory } from './features';

// Names a marketer understands, generated from what sets each cluster apart. Every cluster's candidate traits
// (a category share, revolving credit, high spend) are scored by the centroid's z-score; names are handed out
// greedily, strongest trait first, each name once, so two clusters never share a name. A cluster with no trait
// at least half a standard deviation above the mean is "everyday" (or "light" when it spends little).

export interface PersonaName {
  readonly code: string;
  readonly zh: string;
  readonly en: string;
}

const byCategory: Record<ShareCategory, PersonaName> = {
  dining: { code: 'foodie', zh: '美食达人', en: 'Foodie' },
  travel: { code: 'business_traveller', zh: '差旅商务', en: 'Business traveller' },
  shopping: { code: 'shopper', zh: '购物达人', en: 'Shopper' },
  online_shopping: { code: 'online_shopper', zh: '网购达人', en: 'Online shopper' },
  supermarket: { code: 'household', zh: '居家日常', en: 'Household shopper' },
  entertainment: { code: 'entertainment', zh: '娱乐休闲', en: 'Entertainment lover' },
  health: { code: 'health', zh: '健康关注', en: 'Health-minded' },
  education: { code: 'family', zh: '家庭生活', en: 'Family' },
  mother_baby: { code: 'family', zh: '家庭生活', en: 'Family' },
  fuel: { code: 'motorist', zh: '有车一族', en: 'Motorist' },
};

export const ruleNames = {
  dormant: { code: 'dormant', zh: '沉睡客户', en: 'Dormant' },
  newcomer: { code: 'newcomer', zh: '新入户', en: 'Newcomer' },
} as const satisfies Record<string, PersonaName>;

const revolver: PersonaName = { code: 'revolver', zh: '循环信用', en: 'Revolving credit user' };
const premium: PersonaName = { code: 'premium', zh: '高端消费', en: 'Premium spender' };
const everyday: PersonaName = { code: 'everyday', zh: '日常消费', en: 'Everyday spender' };
const light: PersonaName = { code: 'light', zh: '轻度用户', en: 'Light spender' };

const traitThreshold = 0.5;

function candidates(centroid: Readonly<Record<string, number>>): Array<{ name: PersonaName; z: number }> {
  const out: Array<{ name: PersonaName; z: number }> = [];
  for (const [category, name] of Object.entries(byCategory)) out.push({ name, z: centroid[`share_${category}`] ?? 0 });
  out.push({ name: revolver, z: centroid.revolving_ratio ?? 0 });
  out.push({ name: premium, z: centroid.log_spend ?? 0 });
  return out.filter((c) => c.z >= traitThreshold).sort((a, b) => b.z - a.z);
}

/** One name per cluster, from centroids keyed by feature name (z-scores). */
export function nameClusters(centroids: ReadonlyArray<Readonly<Record<string, number>>>): PersonaName[] {
  const offers = centroids
    .flatMap((centroid, cluster) => candidates(centroid).map((c) => ({ cluster, ...c })))
    .sort((a, b) => b.z - a.z || a.cluster - b.cluster);
  const names: Array<PersonaName | undefined> = Array.from({ length: centroids.length }, () => undefined);
  const used = new Set<string>([ruleNames.dormant.code, ruleNames.newcomer.code]);
  for (const offer of offers) {
    if (names[offer.cluster] || used.has(offer.name.code)) continue;
    names[offer.cluster] = offer.name;
    used.add(offer.name.code);
  }
  const holder = new Map(names.flatMap((name, cluster) => (name ? [[name.code, cluster] as const] : [])));
  const spendOf = (cluster: number) => centroids[cluster]?.log_spend ?? 0;
  return names.map((name, cluster) => {
    if (name) return name;
    const best = candidates(centroids[cluster] ?? {})[0]?.name;
    if (best) {
      // Its trait went to a stronger cluster: same taste, told apart by how much they spend.
      const higher = spendOf(cluster) > spendOf(holder.get(best.code) ?? cluster);
      const q = higher ? { code: 'high', zh: '高消费', en: 'higher spend' } : { code: 'light', zh: '轻度', en: 'lighter spend' };
      return unique({ code: `${best.code}_${q.code}`, zh: `${best.zh}（${q.zh}）`, en: `${best.en} (${q.en})` }, used);
    }
    return unique(spendOf(cluster) <= -traitThreshold ? light : everyday, used);
  });
}

/** The name itself when free, else numbered: two ordinary clusters are both ordinary, and saying so is honest. */
function unique(name: PersonaName, used: Set<string>): PersonaName {
  let code = name.code;
  for (let n = 2; used.has(code); n += 1) code = `${name.code}_${n}`;
  used.add(code);
  const suffix = code === name.code ? '' : ` ${code.slice(name.code.length + 1)}`;
  return { code, zh: `${name.zh}${suffix}`, en: `${name.en}${suffix}` };
}
