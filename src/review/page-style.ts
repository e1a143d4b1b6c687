// The review page's style sheet: one inline <style> element, allowed by its hash in the page's
// Content-Security-Policy (so the page may carry no style attribute). Readable on a laptop screen
// (a column of about 80 characters, a sticky bar of counts and filters) and when printed.

export const PAGE_STYLE = `
:root{--ink:#1d2733;--muted:#5b6672;--line:#d5dbe1;--paper:#fff;--wash:#f4f6f8;--accent:#1f5fa8;
--ok:#1e7a46;--ok-bg:#e3f4ea;--warn:#8a5a00;--warn-bg:#fff1d1;--err:#b3261e;--err-bg:#fde7e5;
--todo:#5a3ea1;--todo-bg:#eee8fb;--view:#245f73;--view-bg:#e1f1f6;--mark:#fff0a8;--gap:#ffd9d4}
*{box-sizing:border-box}
html{font:16px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,"Liberation Sans",Arial,sans-serif;color:var(--ink);background:var(--wash)}
body{margin:0}
a{color:var(--accent)}
button{font:inherit;color:inherit;cursor:pointer}
.top{position:sticky;top:0;z-index:2;background:var(--paper);border-bottom:1px solid var(--line);padding:.6rem 1.2rem .5rem}
.top h1{font-size:1.25rem;margin:0;line-height:1.3}
.top .sub{margin:.1rem 0 .35rem;color:var(--muted);font-size:.9rem}
.counts{margin:.2rem 0;font-size:.95rem}
.counts b{font-variant-numeric:tabular-nums}
.c-failed{color:var(--err)}.c-warning{color:var(--warn)}.c-unreviewed{color:var(--todo)}.c-view{color:var(--view)}.c-verified{color:var(--ok)}
.filters{display:flex;flex-wrap:wrap;gap:.4rem;margin:.3rem 0 .1rem}
.filters button{border:1px solid var(--line);background:var(--wash);border-radius:999px;padding:.15rem .75rem;font-size:.9rem}
.filters button[aria-pressed="true"]{background:var(--ink);border-color:var(--ink);color:var(--paper)}
.keys{margin:.25rem 0 0;color:var(--muted);font-size:.8rem}
kbd{font:inherit;font-size:.78rem;border:1px solid var(--line);border-bottom-width:2px;border-radius:4px;padding:0 .3rem;background:var(--paper)}
main{max-width:62rem;margin:0 auto;padding:.8rem 1.2rem 4rem}
.section{margin:1.4rem 0}
.section>h2{font-size:1.1rem;margin:0 0 .2rem;text-transform:none}
.section>h2 .n{color:var(--muted);font-weight:normal}
.headline{margin:.1rem 0 .6rem;font-style:italic;color:var(--muted)}
.item{background:var(--paper);border:1px solid var(--line);border-left:5px solid var(--ok);border-radius:6px;padding:.6rem .9rem .5rem;margin:.55rem 0;content-visibility:auto;contain-intrinsic-size:auto 11rem}
.item{scroll-margin-top:10rem;scroll-margin-bottom:1rem}
.item:focus{outline:3px solid var(--accent);outline-offset:2px}
.item.st-failed{border-left-color:var(--err)}.item.st-warning{border-left-color:var(--warn)}.item.st-unreviewed{border-left-color:var(--todo)}.item.st-view{border-left-color:var(--view)}
.ih{display:flex;flex-wrap:wrap;align-items:center;gap:.35rem;font-size:.8rem;color:var(--muted)}
.badge{border-radius:4px;padding:0 .4rem;font-weight:600;font-size:.75rem;letter-spacing:.02em;text-transform:uppercase}
.b-verified{background:var(--ok-bg);color:var(--ok)}.b-failed{background:var(--err-bg);color:var(--err)}.b-warning{background:var(--warn-bg);color:var(--warn)}
.b-unreviewed{background:var(--todo-bg);color:var(--todo)}.b-view{background:var(--view-bg);color:var(--view)}.b-disputed,.b-single{background:var(--wash);color:var(--muted)}
.loc{margin-left:auto;white-space:nowrap}
.loc a{font-family:ui-monospace,"DejaVu Sans Mono",monospace;font-size:.78rem}
.copy{border:1px solid var(--line);background:var(--paper);border-radius:4px;font-size:.72rem;padding:0 .35rem;margin-left:.25rem}
.item h3,.side h4{font-size:1rem;margin:.3rem 0 .1rem}
.text{margin:.2rem 0 .3rem}
.unsupported{background:var(--gap);text-decoration:underline wavy var(--err);text-underline-offset:3px}
.fields{margin:.2rem 0;font-size:.9rem;display:grid;grid-template-columns:max-content 1fr;gap:0 .8rem}
.fields dt{color:var(--muted)}.fields dd{margin:0}
.notes{list-style:none;margin:.3rem 0;padding:0;font-size:.88rem}
.notes li{padding:.2rem .5rem;border-radius:4px;margin:.2rem 0;overflow-wrap:anywhere}
.n-error{background:var(--err-bg)}.n-warning{background:var(--warn-bg)}.n-info{background:var(--wash)}
.sev{font-weight:600;text-transform:uppercase;font-size:.72rem;margin-right:.35rem}
.rule{color:var(--muted);font-size:.75rem;margin-left:.3rem}
.where{color:var(--muted);font-family:ui-monospace,"DejaVu Sans Mono",monospace;font-size:.75rem;margin-right:.35rem}
.cites{list-style:none;margin:.35rem 0 .1rem;padding:0;font-size:.9rem}
.cites>li{margin:.25rem 0}
.cite{border:1px solid var(--line);background:var(--wash);border-radius:4px;padding:0 .4rem;font-size:.82rem;white-space:nowrap}
.cite[aria-expanded="true"]{background:var(--accent);border-color:var(--accent);color:var(--paper)}
.cite:disabled{cursor:default;color:var(--err);background:var(--err-bg);border-color:var(--err-bg)}
.cite .num{font-weight:700;margin-right:.3rem}
.quote{color:var(--muted)}
.passage{margin:.35rem 0 .6rem;border:1px solid var(--line);border-radius:6px;background:var(--wash);padding:.5rem .75rem}
.passage .doc{margin:0 0 .3rem;font-size:.82rem;color:var(--muted)}
.passage .doc b{color:var(--ink)}
.ctx p{margin:.35rem 0;white-space:pre-wrap;overflow-wrap:anywhere;font-family:Georgia,"DejaVu Serif","Liberation Serif",serif;font-size:.95rem;line-height:1.55}
.ctx p.near{color:var(--muted)}
mark.q.miss{background:var(--gap);box-shadow:0 0 0 2px var(--gap);text-decoration:underline wavy var(--err)}
.missing{margin:.2rem 0;color:var(--err);font-size:.85rem;font-weight:600}
.cite.miss{color:var(--err);background:var(--err-bg);border-color:var(--err-bg)}
.cite.miss[aria-expanded="true"]{background:var(--err);border-color:var(--err);color:var(--paper)}
mark.q{scroll-margin-top:10rem;background:var(--mark);color:var(--ink);box-shadow:0 0 0 2px var(--mark);border-radius:2px}
.ctl{display:inline-block;border:1px dashed var(--err);color:var(--err);border-radius:3px;font:600 .68rem/1.2 ui-monospace,"DejaVu Sans Mono",monospace;padding:0 .15rem;margin:0 .05rem;unicode-bidi:isolate;direction:ltr}
.sides{display:grid;grid-template-columns:repeat(auto-fit,minmax(16rem,1fr));gap:.7rem;margin-top:.4rem}
.side{border:1px solid var(--line);border-radius:6px;padding:.45rem .7rem;background:var(--paper)}
.side.st-failed{border-top:4px solid var(--err)}.side.st-warning{border-top:4px solid var(--warn)}.side.st-verified{border-top:4px solid var(--ok)}.side.st-view{border-top:4px solid var(--view)}.side.st-unreviewed{border-top:4px solid var(--todo)}
.general{background:var(--paper);border:1px solid var(--line);border-radius:6px;padding:.4rem .9rem}
.general summary{cursor:pointer;font-weight:600}
.uncited li{margin:.5rem 0}
.lines{margin:.2rem 0 0 1rem;color:var(--muted);font-size:.88rem;white-space:pre-wrap;overflow-wrap:anywhere}
.empty{color:var(--muted)}
[dir=auto],.item,.passage,.notes,.quote,.lines{unicode-bidi:plaintext}
body[data-filter="problems"] .item:not(.problem),body[data-filter="unreviewed"] .item:not(.unreviewed),body[data-filter="view"] .item:not(.view){display:none}
body[data-filter="problems"] .section.statements:not(:has(.item.problem)),body[data-filter="unreviewed"] .section.statements:not(:has(.item.unreviewed)),body[data-filter="view"] .section.statements:not(:has(.item.view)){display:none}
body[data-filter="unreviewed"] .uncited,body[data-filter="view"] .uncited{display:none}
@media (max-width:40rem){.loc{margin-left:0}.top{position:static}}
@media print{
html{background:#fff;font-size:11pt}
.top{position:static;border:0;padding:0}
.filters,.keys,.copy{display:none}
main{max-width:none;padding:0}
.item{content-visibility:visible;break-inside:avoid;border-width:1px 1px 1px 4px}
.cite{border:0;background:none;padding:0}
.cite[aria-expanded="true"]{color:var(--ink);background:none}
a{color:var(--ink);text-decoration:none}
}
`;
