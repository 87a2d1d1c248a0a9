/** A journey for people: a terminal listing, and a standalone HTML page (every value escaped). */
import { escapeHtml } from '../../common/html';
import type { Journey, JourneyNotice } from './model';
import { noticeName, PERSONAS, SCENARIOS, shopRules } from '../../simulator/index';

/** The journey's facts, each a label and its value. */
function factsOf(j: Journey): [string, string][] {
  return [
    ['Scenario', `${j.scenario}: ${SCENARIOS[j.scenario].summary}`],
    ['Customer', `${PERSONAS[j.locale].name} (${j.locale}), ${j.timezone}`],
    ['Shop', `${j.shop.name} (${j.shop.id}): ${shopRules(j.shop)}`],
  ];
}

const shopTemplate = (version: number) => `shop template v${version}`;

/** The journey as terminal text: its facts, each notice with its text indented, then the violations. */
export function journeyListing(j: Journey): string {
  const lines = [
    `Journey ${j.scenario} (${j.locale})`,
    ...factsOf(j).map(([label, value]) => `  ${`${label}:`.padEnd(10)}${value}`),
    '',
  ];
  const width = Math.max(0, ...j.notices.map((n) => n.localTime.length));
  for (const n of j.notices) {
    const tags = `${n.urgent ? '  [urgent]' : ''}${n.templateVersion ? `  [${shopTemplate(n.templateVersion)}]` : ''}`;
    lines.push(`${n.localTime.padEnd(width)}  ${n.channel.padEnd(5)}  ${noticeName(n)}${tags}`);
    if (n.subject) lines.push(`    Subject: ${n.subject}`);
    lines.push(...n.text.split('\n').map((l) => (l ? `    ${l}` : '')), '');
  }
  if (!j.notices.length) lines.push('The customer gets no notice.', '');
  lines.push(
    j.violations.length ? `Violations (${j.violations.length}):` : 'No violations.',
    ...j.violations.map((v) => `  - ${v}`),
  );
  return `${lines.join('\n')}\n`;
}

const CSS = `
body{font:16px/1.45 system-ui,sans-serif;margin:0;padding:1rem;background:#f4f5f7;color:#1d2330}
main{max-width:46rem;margin:0 auto}
h1{font-size:1.4rem;margin:.2rem 0 1rem}
dl{display:grid;grid-template-columns:max-content 1fr;gap:.25rem .8rem;margin:0 0 1rem}
dt{font-weight:600}dd{margin:0}
ol{list-style:none;padding:0;margin:0}
article{background:#fff;border-radius:.6rem;padding:.8rem 1rem;margin:0 0 .8rem;box-shadow:0 1px 2px #0002}
header{display:flex;flex-wrap:wrap;gap:.4rem;align-items:baseline;margin-bottom:.4rem}
time{font-weight:600}
.tag{font-size:.8rem;padding:.05rem .45rem;border-radius:1rem;background:#e3e7ee}
.urgent{background:#fde2c8}.shop{background:#d6ecff}
.subject{font-weight:600;margin:.2rem 0}
.text p{margin:.4rem 0;overflow-wrap:anywhere}
.ok{color:#17663a}.bad{color:#a1261b}
`;

function noticeHtml(n: JourneyNotice, lang: string): string {
  const tags = [
    `<span class="tag">${escapeHtml(n.channel)}</span>`,
    `<span class="tag">${escapeHtml(noticeName(n))}</span>`,
    n.urgent ? '<span class="tag urgent">urgent</span>' : '',
    n.templateVersion ? `<span class="tag shop">${escapeHtml(shopTemplate(n.templateVersion))}</span>` : '',
  ];
  const paragraphs = n.text.split(/\n{2,}/).map((p) => `<p>${p.split('\n').map(escapeHtml).join('<br>')}</p>`);
  return `<li><article>
<header><time datetime="${escapeHtml(n.at)}">${escapeHtml(n.localTime)}</time>${tags.join('')}</header>
${n.subject ? `<div class="subject" lang="${escapeHtml(lang)}">${escapeHtml(n.subject)}</div>` : ''}
<div class="text" lang="${escapeHtml(lang)}">${paragraphs.join('')}</div>
</article></li>`;
}

/** The journey as a standalone, mobile-friendly HTML page (no external assets). */
export function journeyHtml(j: Journey): string {
  const facts = factsOf(j).map(([label, value]) => `<dt>${escapeHtml(label)}</dt><dd>${escapeHtml(value)}</dd>`);
  const violations = j.violations.length
    ? `<h2 class="bad">Violations (${j.violations.length})</h2><ul class="bad">${j.violations.map((v) => `<li>${escapeHtml(v)}</li>`).join('')}</ul>`
    : '<h2 class="ok">No violations</h2>';
  const notices = j.notices.length
    ? `<ol>${j.notices.map((n) => noticeHtml(n, j.locale)).join('\n')}</ol>`
    : '<p>The customer gets no notice.</p>';
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(`Journey ${j.scenario} (${j.locale}) – ${j.shop.name}`)}</title>
<style>${CSS}</style>
</head>
<body><main>
<h1>${escapeHtml(`Journey ${j.scenario} (${j.locale})`)}</h1>
<dl>${facts.join('')}</dl>
${violations}
<h2>${escapeHtml(`${j.notices.length} ${j.notices.length === 1 ? 'notice' : 'notices'}, in the order the customer gets them`)}</h2>
${notices}
</main></body>
</html>
`;
}
