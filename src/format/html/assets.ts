/**
 * The page's stylesheet. Chinese text uses the system's CJK fonts (no web fonts: the page must work
 * offline and load nothing).
 *
 * @example
 * `<style>${PAGE_CSS}</style>`;
 */
export const PAGE_CSS = `
:root{--cjk:"PingFang SC","Hiragino Sans GB","Noto Sans CJK SC","Source Han Sans SC","Source Han Sans CN","Microsoft YaHei","WenQuanYi Micro Hei","WenQuanYi Zen Hei","Heiti SC",SimHei,sans-serif;
--fg:#1d2329;--muted:#5f6b76;--line:#c9d1d9;--bg:#fff;--panel:#f5f7f9;--err:#c62828;--warn:#a65e00;--info:#1f63b5;
--err-bg:#fde0de;--warn-bg:#ffecbf;--info-bg:#dcebff;--cur:#6a3de8;--cur-bg:#fff176}
*{box-sizing:border-box}
html{scroll-padding-top:72px}
body{margin:0;color:var(--fg);background:var(--bg);font:14px/1.6 -apple-system,BlinkMacSystemFont,"Segoe UI",Roboto,"Helvetica Neue",Arial,var(--cjk)}
header.top{padding:16px 24px 8px;border-bottom:1px solid var(--line)}
header.top h1{margin:0;font-size:20px}
.en{color:var(--muted);font-size:.86em;font-weight:normal}
.size-note{margin:8px 0 0;padding:6px 10px;background:var(--warn-bg);border-left:4px solid var(--warn)}
main{padding:0 24px 48px;max-width:1400px}
h2{font-size:17px;margin:24px 0 8px;border-bottom:1px solid var(--line);padding-bottom:4px}
h3{font-size:15px;margin:18px 0 6px}
.cards{display:flex;flex-wrap:wrap;gap:10px;margin:12px 0}
.card{background:var(--panel);border:1px solid var(--line);border-radius:6px;padding:8px 14px;min-width:120px}
.card b{display:block;font-size:22px}
.charts{display:flex;flex-wrap:wrap;gap:24px;align-items:flex-start}
.chart{max-width:100%;height:auto;font-family:inherit}
.chart .lbl{font-size:12px;fill:var(--fg)}.chart .cnt{font-size:11px;fill:var(--muted)}.chart .axis{stroke:var(--line)}
.bar.sev-error{fill:var(--err)}.bar.sev-warning{fill:#e09a1a}.bar.sev-info{fill:#4a8fe0}
.bar.era-A{fill:#8d6e63}.bar.era-B{fill:#26a69a}.bar.era-C{fill:#5c6bc0}.bar.era-x{fill:#b0bec5}
.filters{position:sticky;top:0;z-index:5;background:rgba(255,255,255,.96);border-bottom:1px solid var(--line);padding:8px 24px;display:flex;flex-wrap:wrap;gap:10px;align-items:center}
.filters label{font-size:13px;color:var(--muted)}
.filters select,.filters input{font:inherit;padding:2px 4px;max-width:16em}
#filter-count{margin-left:auto;color:var(--muted);font-size:13px}
table{border-collapse:collapse}
table.list{width:100%;font-size:13px}
table.list th,table.list td{border-bottom:1px solid var(--line);padding:4px 6px;text-align:left;vertical-align:top}
table.list thead th{background:var(--panel);position:sticky;top:44px}
th[data-sort] button{all:unset;cursor:pointer;font-weight:bold}
th[data-sort] button::after{content:" ↕";color:var(--muted);font-weight:normal}
th[aria-sort=ascending] button::after{content:" ↑"}th[aria-sort=descending] button::after{content:" ↓"}
tr[hidden],li[hidden],details[hidden]{display:none}
.sev{display:inline-block;font-size:12px;padding:0 5px;border-radius:3px;color:#fff;white-space:nowrap}
table.list thead th{white-space:nowrap}
.sev-error .sev,.sev.sev-error{background:var(--err)}.sev-warning .sev,.sev.sev-warning{background:var(--warn)}.sev-info .sev,.sev.sev-info{background:var(--info)}
.fail{color:var(--err);font-weight:bold}
code{font-family:ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;font-size:.92em}
a{color:#0b57a4}
details.report{border:1px solid var(--line);border-radius:6px;margin:10px 0;background:var(--bg)}
details.report>summary{cursor:pointer;padding:8px 12px;background:var(--panel);border-radius:6px;list-style-position:inside}
details.report[open]>summary{border-bottom:1px solid var(--line);border-radius:6px 6px 0 0}
details.report>summary .file{font-weight:bold}
details.report>summary .counts{margin-left:8px}
.body{padding:4px 14px 14px}
.cols{display:grid;grid-template-columns:minmax(260px,1fr) minmax(320px,1.4fr);gap:20px}
@media (max-width:900px){.cols{grid-template-columns:1fr}}
table.kv th{text-align:left;color:var(--muted);font-weight:normal;padding:2px 10px 2px 0;white-space:nowrap;vertical-align:top}
table.kv td{padding:2px 0}
ol.anoms{padding-left:22px;margin:4px 0}
ol.anoms>li{margin:4px 0 8px}
ol.anoms .flag{text-decoration:none}
ol.anoms .reason{font-weight:500}
ul.evs{margin:2px 0;padding-left:18px;font-size:13px}
.ea{color:var(--muted);font-size:13px}
.ok{color:#2e7d32}
ol.tree,ol.tree ol{list-style:none;padding-left:16px;margin:2px 0}
ol.tree{padding-left:0}
ol.tree a{text-decoration:none;color:var(--fg)}ol.tree a:hover{text-decoration:underline}
.marker{color:var(--muted);margin-right:2px}
.scroll{overflow-x:auto}
table.tpl,table.grid,table.figures{font-size:13px;margin:8px 0 14px}
table.tpl caption,table.grid caption{text-align:left;font-weight:bold;padding:4px 0}
table.tpl th,table.tpl td,table.grid td,table.figures th,table.figures td{border:1px solid #9aa5b1;padding:3px 7px}
table.tpl th{background:var(--panel);font-weight:normal;text-align:center}
table.tpl th[scope=row],table.tpl th.item,table.tpl th.subtotal{text-align:left}
table.tpl th.group{writing-mode:horizontal-tb;max-width:8em}
table.tpl th.note{font-size:12px;color:var(--muted);max-width:22em}
table.tpl th.block{text-align:left;background:#e8edf2}
table.tpl tr.empty td{background:#fafafa}
td.num{text-align:right;font-variant-numeric:tabular-nums;white-space:nowrap}
td.na{background:repeating-linear-gradient(45deg,#fff,#fff 4px,#f1f3f5 4px,#f1f3f5 8px)}
td.src{cursor:pointer}td.src:hover{background:#eef4fb}td.derived{font-style:italic;color:var(--muted)}
td.amb{background:#ede7f6;cursor:pointer;text-align:center}
td.hit.sev-error{background:var(--err-bg);box-shadow:inset 0 0 0 2px var(--err)}
td.hit.sev-warning{background:var(--warn-bg);box-shadow:inset 0 0 0 2px var(--warn)}
td.hit.sev-info{background:var(--info-bg);box-shadow:inset 0 0 0 2px var(--info)}
.text{white-space:pre-wrap;overflow-wrap:anywhere;line-height:1.95;font-size:15px;font-family:var(--cjk);background:#fcfcfc;border:1px solid var(--line);border-radius:4px;padding:12px 16px;max-width:62em}
.text .hd{font-weight:bold;color:#0d3c61}
.text .meta{border-bottom:1px dashed #7e57c2}
.text .fv{border-bottom:1px dotted #607d8b;cursor:pointer}
.text .amb{background:#ede7f6}
.text .numissue{text-decoration:wavy underline #e65100}
mark{color:inherit;border-radius:2px;padding:0 1px;cursor:pointer}
mark.sev-error{background:var(--err-bg);border-bottom:2px solid var(--err)}
mark.sev-warning{background:var(--warn-bg);border-bottom:2px solid var(--warn)}
mark.sev-info{background:var(--info-bg);border-bottom:2px solid var(--info)}
mark.place{background:transparent;border-bottom-style:dashed}
.current,mark.current,td.current{background:var(--cur-bg)!important;outline:3px solid var(--cur);outline-offset:1px}
.flash{animation:flash 1.2s ease-out 2}
@keyframes flash{0%{outline-color:var(--cur);outline-width:5px}100%{outline-color:var(--cur);outline-width:2px}}
.note{color:var(--muted)}
.rules-legend dt{font-weight:bold;margin-top:6px}.rules-legend dd{margin:0 0 0 18px}
footer{color:var(--muted);font-size:12px;padding:12px 24px;border-top:1px solid var(--line)}
@media print{.filters{display:none}details.report{break-inside:avoid}}
`;

/**
 * The page's script: renders a report body when its section opens, follows anomaly links to the marked
 * sentence or cell (scrolled into view and highlighted), filters by rule, severity, agency, year and
 * text, and sorts tables by a clicked header. Plain DOM code, no framework.
 *
 * @example
 * `<script>${PAGE_JS}</script>`;
 */
export const PAGE_JS = `(function(){
'use strict';
var doc=document;
function byId(id){return doc.getElementById(id);}
function each(sel,fn,root){Array.prototype.forEach.call((root||doc).querySelectorAll(sel),fn);}
function render(n){
  var sec=byId('r-'+n);if(!sec)return null;
  var body=sec.querySelector('.body');
  if(body&&!body.hasAttribute('data-done')){
    var src=byId('d-'+n);
    body.innerHTML=src?JSON.parse(src.textContent):'';
    body.setAttribute('data-done','');
    filterBody(body);
  }
  return sec;
}
function hostOf(id){var m=/^[a-z]-(\\d+)(?:-|$)/.exec(id);return m?m[1]:null;}
function openAncestors(el){for(var p=el.parentElement;p;p=p.parentElement){if(p.tagName==='DETAILS'){p.open=true;p.hidden=false;}}}
function go(targets,hl){
  var first=null,i;
  for(i=0;i<targets.length;i++){var host=hostOf(targets[i]);if(host!==null)render(host);}
  for(i=0;i<targets.length&&!first;i++)first=byId(targets[i]);
  if(!first)return false;
  each('.current',function(e){e.classList.remove('current');});
  if(hl)each('[data-a~="'+hl+'"]',function(e){e.classList.add('current');});
  targets.forEach(function(id){var e=byId(id);if(e)e.classList.add('current');});
  openAncestors(first);
  if(first.tagName==='DETAILS')first.open=true;
  first.scrollIntoView({block:'center',inline:'nearest'});
  first.classList.remove('flash');void first.offsetWidth;first.classList.add('flash');
  if(!first.hasAttribute('tabindex'))first.setAttribute('tabindex','-1');
  try{first.focus({preventScroll:true});}catch(e){}
  if(history.replaceState)history.replaceState(null,'','#'+first.id);
  return true;
}
doc.addEventListener('toggle',function(e){var t=e.target;if(t.classList&&t.classList.contains('report')&&t.open)render(t.getAttribute('data-r'));},true);
function activate(e){
  // An evidence mark wins over a figure span nested in it.
  var a=e.target.closest('[data-go]')||e.target.closest('td.src, .text .fv');if(!a)return;
  e.preventDefault();
  if(a.hasAttribute('data-go'))go(a.getAttribute('data-go').split(' '),a.getAttribute('data-hl'));
  else go([(a.tagName==='TD'?'f':'c')+a.id.slice(1)],null);
}
doc.addEventListener('click',function(e){
  var fr=e.target.closest('[data-filter-rule]');
  if(fr){e.preventDefault();setFilter('rule',fr.getAttribute('data-filter-rule'));return;}
  var th=e.target.closest('th[data-sort]');
  if(th){sortBy(th);return;}
  activate(e);
});
var F={rule:'',sev:'',agency:'',year:'',q:''};
function setFilter(k,v){F[k]=v;var el=byId('f-'+k);if(el)el.value=v;applyFilters();}
function filterBody(root){each('li.anom',function(li){li.hidden=!!((F.rule&&li.getAttribute('data-rule')!==F.rule)||(F.sev&&li.getAttribute('data-sev')!==F.sev));},root);}
function applyFilters(){
  var hit={},shown=0,all=0,q=F.q.toLowerCase();
  each('#anomaly-table tbody tr',function(tr){
    all++;
    var ok=(!F.rule||tr.getAttribute('data-rule')===F.rule)&&(!F.sev||tr.getAttribute('data-sev')===F.sev)&&
      (!F.agency||tr.getAttribute('data-agency')===F.agency)&&(!F.year||tr.getAttribute('data-year')===F.year)&&
      (!q||tr.textContent.toLowerCase().indexOf(q)>=0);
    tr.hidden=!ok;if(ok){shown++;hit[tr.getAttribute('data-r')]=true;}
  });
  var byAnom=!!(F.rule||F.sev),rs=0,rall=0;
  each('#report-table tbody tr, details.report',function(el){
    var r=el.getAttribute('data-r');
    var ok=(!F.agency||el.getAttribute('data-agency')===F.agency)&&(!F.year||el.getAttribute('data-year')===F.year)&&
      (!byAnom||hit[r]===true)&&(!q||(el.getAttribute('data-search')||'').toLowerCase().indexOf(q)>=0||hit[r]===true);
    el.hidden=!ok;
    if(el.tagName==='TR'){rall++;if(ok)rs++;}
  });
  each('details.report .body[data-done]',filterBody);
  var c=byId('filter-count');
  if(c)c.textContent='异常 '+shown+' / '+all+' · 报告 '+rs+' / '+rall;
}
['rule','sev','agency','year'].forEach(function(k){var el=byId('f-'+k);if(el)el.addEventListener('change',function(){F[k]=el.value;applyFilters();});});
var qi=byId('f-q');if(qi)qi.addEventListener('input',function(){F.q=qi.value.trim();applyFilters();});
var rb=byId('f-reset');if(rb)rb.addEventListener('click',function(){F={rule:'',sev:'',agency:'',year:'',q:''};['rule','sev','agency','year','q'].forEach(function(k){var el=byId('f-'+k);if(el)el.value='';});applyFilters();});
function cellKey(tr,i){var c=tr.cells[i];if(!c)return '';var v=c.getAttribute('data-v');return v!==null?v:c.textContent.trim();}
function sortBy(th){
  var table=th.closest('table'),body=table.tBodies[0];if(!body)return;
  var i=th.cellIndex,asc=th.getAttribute('aria-sort')!=='ascending';
  each('th[aria-sort]',function(x){x.removeAttribute('aria-sort');},table);
  th.setAttribute('aria-sort',asc?'ascending':'descending');
  var num=/^-?\\d+(\\.\\d+)?$/;
  var rows=Array.prototype.slice.call(body.rows);
  rows.sort(function(a,b){
    var x=cellKey(a,i),y=cellKey(b,i),c;
    if(x===''||y==='')c=x===y?0:x===''?1:-1;
    else if(num.test(x)&&num.test(y))c=parseFloat(x)-parseFloat(y);
    else c=x.localeCompare(y,'zh');
    return asc?c:-c;
  });
  rows.forEach(function(r){body.appendChild(r);});
}
each('details.report[open]',function(d){render(d.getAttribute('data-r'));});
function fromHash(){var id=decodeURIComponent(location.hash.slice(1));if(!id)return;if(/^r-\\d+$/.test(id)){var s=render(id.slice(2));if(s){s.open=true;s.scrollIntoView();}return;}go([id],null);}
window.addEventListener('hashchange',fromHash);
fromHash();
applyFilters();
})();`;
