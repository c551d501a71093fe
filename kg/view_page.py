"""The page template of the HTML view: markup, styles (screen and print) and the script that drives it.

``%%TITLE%%``, ``%%CSS%%``, ``%%JS%%`` and ``%%DATA%%`` are filled by :func:`kg.view.render_html`.
Every string that came from an article reaches the page as JSON and is shown through
``textContent`` or SVG text nodes, never as markup.
"""
from __future__ import annotations

__all__ = ["TEMPLATE"]

TEMPLATE = """<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; script-src 'unsafe-inline'; style-src 'unsafe-inline'; img-src data: blob:;">
<title>%%TITLE%%</title>
<style>%%CSS%%</style>
<style>
body{margin:0;font:14px system-ui,sans-serif;display:flex;height:100vh}
#net{flex:1;border-right:1px solid #ddd}
#side{width:380px;overflow:auto;padding:10px}
#print-img{display:none}
.legend div{margin:2px 0}
.legend h4{margin:8px 0 2px}
.sw{display:inline-block;width:12px;height:12px;margin-right:4px;vertical-align:middle;border-radius:2px}
.ln{display:inline-block;width:22px;margin-right:4px;vertical-align:middle}
.claim{border-bottom:1px solid #eee;padding:6px 0}
.rel{font-weight:600}.meta{color:#666;font-size:12px}
label{display:block;margin:4px 0}
.legend label{display:inline;margin:0}
#searchbox{position:relative}
#suggest{list-style:none;margin:0;padding:0;border:1px solid #ccc;background:#fff;position:absolute;left:0;right:0;z-index:5}
#suggest:empty{display:none}
#suggest li{padding:3px 6px;cursor:pointer}
#suggest li:hover,#suggest li.active{background:#e8f0fe}
#history li{margin:2px 0}
button{margin:2px 4px 2px 0}
@media print{
  body{display:block;height:auto}
  #net{display:none}
  #print-img{display:block;width:100%;max-height:70vh;object-fit:contain;border-bottom:1px solid #999}
  #side{width:auto;overflow:visible;font-size:11pt}
  #controls,#exports,#searchbox,.legend input{display:none}
  .claim{break-inside:avoid}
}
</style></head>
<body><div id="net"></div><img id="print-img" alt="the graph as shown on screen"><div id="side">
<h3>Alliances and tensions</h3>
<div id="searchbox"><label>Search actor <input id="search" autocomplete="off" placeholder="name, alias or part of one"></label><ul id="suggest"></ul></div>
<div class="legend" id="legend"><div id="legend-nodes"></div><div id="legend-edges"></div></div>
<div id="controls">
<label>Relation <select id="rel"><option value="all">all</option></select></label>
<label>Minimum evidence <input id="minev" type="number" min="1" value="1" style="width:4em"> claims</label>
<label>Actor kind <select id="kind"><option value="all">all</option><option>Person</option><option>State</option><option>Organization</option><option>Group</option><option>Issue</option></select></label>
<label>Colour by <select id="colour"><option value="kind">kind</option><option value="bloc">camp</option><option value="state">state</option></select></label>
<div id="periodbox"><label>Period <input id="period" type="range" min="0" value="0"> <span id="periodlabel"></span></label>
<label><input id="only" type="checkbox"> this period only (else everything up to it)</label></div>
</div>
<div id="exports"><button id="save-png" type="button">Save PNG</button><button id="save-svg" type="button">Save SVG</button><button id="print" type="button">Print</button></div>
<p class="meta" id="omitted"></p>
<div id="details"><p class="meta">Click an edge to see its evidence, or a node for its allies, opponents and stance history.</p></div>
</div>
<script>%%JS%%</script>
<script id="kg-data" type="application/json">%%DATA%%</script>
<script>
(function(){
var data = JSON.parse(document.getElementById('kg-data').textContent);
var SVGNS='http://www.w3.org/2000/svg';
function el(tag, text, cls){var e=document.createElement(tag); if(text!==undefined) e.textContent=text; if(cls) e.className=cls; return e;}
function fold(s){return String(s).normalize('NFD').replace(/[\\u0300-\\u036f]/g,'').toLowerCase().replace(/[^\\p{L}\\p{N}_]+/gu,' ').trim().replace(/^(the|a|an) /,'');}
function edgeWidth(articles, contact){return contact ? 1+0.25*Math.min(articles,4) : 1+Math.min(articles,7);}
var byId={}; data.nodes.forEach(function(n){byId[n.id]=n;});
var mode='kind';
function swatch(colour){var s=el('span','','sw'); s.style.background=colour; return s;}
function entry(parent, colour, text){var d=el('div'); d.appendChild(swatch(colour)); d.appendChild(document.createTextNode(text)); parent.appendChild(d); return d;}
function renderLegend(){
  var box=document.getElementById('legend-nodes'); box.replaceChildren(); box.className='';
  if(mode==='bloc'){
    box.className='camp-legend'; box.appendChild(el('h4','Camps (per conflict)'));
    if(!data.camps.length) box.appendChild(el('div','Too little evidence of stance to form camps.','meta'));
    data.camps.forEach(function(c){
      var more=c.members.length>4?' +'+(c.members.length-4):'';
      var d=entry(box, c.colour, 'Conflict '+(c.component+1)+', camp '+'AB'.charAt(c.side)+': '+c.members.slice(0,4).join(', ')+more);
      d.className='camp';
    });
    entry(box, data.noCamp, 'no camp: too little evidence');
  } else if(mode==='state'){
    box.appendChild(el('h4','Actors')); box.appendChild(el('div','Coloured by the state they act for (grey: none).','meta'));
  } else {
    box.appendChild(el('h4','Actors'));
    Object.keys(data.colours).forEach(function(k){entry(box, data.colours[k], k);});
  }
}
(function(){
  var box=document.getElementById('legend-edges'); box.appendChild(el('h4','Edges'));
  var names={alliance:'alliance (supports, praises, cooperates, aids, requests)', contact:'contact (meets, negotiates)', tension:'tension'};
  Object.keys(data.edgeKinds).forEach(function(k){
    var d=el('div'); var lab=el('label'); var cb=el('input'); cb.type='checkbox'; cb.checked=true; cb.id='show-'+k;
    var line=el('span','','ln'); line.style.borderTop=(k==='contact'?'2px':'4px')+' solid '+data.edgeKinds[k];
    lab.appendChild(cb); lab.appendChild(line); lab.appendChild(document.createTextNode(names[k]||k)); d.appendChild(lab); box.appendChild(d);
  });
  box.appendChild(el('div','Dashed: both alliance and tension between the pair. Width: number of articles.','meta'));
})();
renderLegend();
if(data.omitted>0){document.getElementById('omitted').textContent=data.omitted+' less connected actors left out of this view.';}
var rels={}; data.edges.forEach(function(e){(e.relations||[]).forEach(function(r){rels[r]=1;});});
var relSel=document.getElementById('rel'); Object.keys(rels).sort().forEach(function(r){var o=el('option',r); o.value=r; relSel.appendChild(o);});
var nodes=new vis.DataSet(data.nodes.map(function(n){return {id:n.id,label:n.label,color:n.color,shape:n.shape,size:n.size,x:n.x,y:n.y,title:n.name+' ('+n.kind+')'};}));
var edges=new vis.DataSet(data.edges.map(function(e){return {id:e.id,from:e.from,to:e.to,color:e.color,width:e.width,dashes:e.dashes,
  title:e.count+' claim(s) in '+e.articles+' article(s): '+e.relations.join(', ')+(e.dashes?' (mixed stance)':'')};}));
var periodEl=document.getElementById('period'), onlyEl=document.getElementById('only');
periodEl.max=data.periods.length; periodEl.value=data.periods.length;
if(!data.periods.length) document.getElementById('periodbox').style.display='none';
function periodOf(d){return data.monthly?d.slice(0,7):d;}
function inWindow(d){
  var v=+periodEl.value; if(v>=data.periods.length) return true; if(!d) return false;
  var p=data.periods[v], q=periodOf(d); return onlyEl.checked?q===p:q<=p;
}
function periodLabel(){var v=+periodEl.value; document.getElementById('periodlabel').textContent=v>=data.periods.length?'all dates':(onlyEl.checked?'':'up to ')+data.periods[v];}
periodLabel();
var container=document.getElementById('net');
var network=new vis.Network(container,{nodes:nodes,edges:edges},data.options);
window.kgNetwork=network; window.kgStable=false; window.kgData=data;
network.once('stabilizationIterationsDone',function(){network.setOptions({physics:false}); window.kgStable=true;});
function name(id){var n=byId[id]; return n?n.name:id;}
function showEdge(id){
  var d=document.getElementById('details'); d.replaceChildren();
  var e=data.edges.find(function(x){return x.id===id;}); if(!e) return;
  d.appendChild(el('h4', name(e.from)+' \\u2192 '+name(e.to)+' ('+e.kind+')'));
  (data.claims[id]||[]).forEach(function(c){
    var div=el('div','','claim'); div.appendChild(el('div',c.relation,'rel')); div.appendChild(el('div',c.evidence));
    div.appendChild(el('div',[c.title||c.article,c.date,c.url,'confidence '+c.confidence].filter(Boolean).join(' \\u00b7 '),'meta'));
    d.appendChild(div);
  });
}
function showNode(id){
  var d=document.getElementById('details'); d.replaceChildren(); d.appendChild(el('h4',name(id)));
  var lists={alliance:[],contact:[],tension:[]}, history=[];
  data.edges.forEach(function(e){
    if(e.from!==id&&e.to!==id) return; var other=e.from===id?e.to:e.from;
    lists[e.kind].push(name(other)+' ('+e.relations.join(', ')+')');
    (data.claims[e.id]||[]).forEach(function(c){ if(c.date) history.push([c.date, name(e.from)+' '+c.relation+' '+name(e.to), e.kind]); });
  });
  var n=byId[id]||{};
  if(n.state) d.appendChild(el('div','Acts for: '+n.state,'meta'));
  if(n.aliases&&n.aliases.length) d.appendChild(el('div','Also called: '+n.aliases.join(', '),'meta'));
  (n.roles||[]).forEach(function(r){d.appendChild(el('div',r,'meta'));});
  d.appendChild(el('div','Allies: '+(lists.alliance.join('; ')||'none')));
  d.appendChild(el('div','Contacts: '+(lists.contact.join('; ')||'none')));
  d.appendChild(el('div','Opponents: '+(lists.tension.join('; ')||'none')));
  d.appendChild(el('h4','Stance history'));
  if(!history.length){d.appendChild(el('div','No dated claims.','meta')); return;}
  history.sort(function(a,b){return a[0]<b[0]?-1:a[0]>b[0]?1:a[1]<b[1]?-1:a[1]>b[1]?1:0;});
  var ul=el('ul'); ul.id='history';
  history.forEach(function(h){var li=el('li'); li.appendChild(el('span',h[0]+' ','meta')); li.appendChild(document.createTextNode(h[1]+' ('+h[2]+')')); ul.appendChild(li);});
  d.appendChild(ul);
}
window.kgShowEdge=showEdge; window.kgShowNode=showNode;
network.on('click',function(p){ if(p.edges.length&&!p.nodes.length) showEdge(p.edges[0]); else if(p.nodes.length) showNode(p.nodes[0]); });
function applyFilters(){
  var rel=relSel.value, minev=parseInt(document.getElementById('minev').value||'1',10), kind=document.getElementById('kind').value;
  var timed=+periodEl.value<data.periods.length;
  periodLabel();
  var touched={};
  edges.update(data.edges.map(function(e){
    var claims=(data.claims[e.id]||[]).filter(function(c){return inWindow(c.date);});
    var arts={}; claims.forEach(function(c){arts[c.article]=1;});
    var kindOk=kind==='all'||(byId[e.from]||{}).kind===kind||(byId[e.to]||{}).kind===kind;
    var relOk=rel==='all'||claims.some(function(c){return c.relation===rel;});
    var hidden=!document.getElementById('show-'+e.kind).checked||!relOk||claims.length<minev||!claims.length||!kindOk;
    if(!hidden){touched[e.from]=1; touched[e.to]=1;}
    return {id:e.id,hidden:hidden,width:edgeWidth(Object.keys(arts).length,e.kind==='contact')};}));
  nodes.update(data.nodes.map(function(n){return {id:n.id,hidden:(timed||kind!=='all')&&!touched[n.id]&&!(kind!=='all'&&n.kind===kind)};}));
}
function applyColour(){
  mode=document.getElementById('colour').value;
  nodes.update(data.nodes.map(function(n){return {id:n.id,color:mode==='bloc'?n.blocColor:mode==='state'?n.stateColor:n.color};}));
  renderLegend();
}
['rel','minev','kind','period','only','show-alliance','show-contact','show-tension'].forEach(function(id){
  var x=document.getElementById(id); if(!x) return; x.addEventListener('change',applyFilters); x.addEventListener('input',applyFilters);});
document.getElementById('colour').addEventListener('change',applyColour);
// search by any name: label, aliases, the gazetteer's names, seats of government and demonyms
function matches(q){
  var k=fold(q); if(!k) return [];
  var found=[];
  data.nodes.forEach(function(n){
    var best=null;
    n.search.forEach(function(key){
      var r=key===k?0:key.indexOf(k)===0?1:(' '+key).indexOf(' '+k)>=0?2:key.indexOf(k)>=0?3:9;
      if(r<9&&(best===null||r<best[0]||(r===best[0]&&key<best[1]))) best=[r,key];
    });
    if(best) found.push({id:n.id,rank:best[0],via:best[1],n:n});
  });
  found.sort(function(a,b){return a.rank-b.rank||b.n.degree-a.n.degree||(a.n.name<b.n.name?-1:a.n.name>b.n.name?1:0);});
  return found.slice(0,8);
}
var searchEl=document.getElementById('search'), suggest=document.getElementById('suggest');
function pick(id){suggest.replaceChildren(); network.selectNodes([id]); network.focus(id,{scale:1.2}); showNode(id); searchEl.value=name(id);}
function suggestFor(q){
  suggest.replaceChildren();
  matches(q).forEach(function(m,i){
    var li=el('li',m.n.name+(fold(m.n.name)===m.via?'':' \\u2014 '+m.via)); if(!i) li.className='active';
    li.dataset.id=m.id; li.addEventListener('mousedown',function(ev){ev.preventDefault(); pick(m.id);}); suggest.appendChild(li);
  });
}
window.kgSearch=function(q){return matches(q).map(function(m){return m.id;});};
searchEl.addEventListener('input',function(){suggestFor(searchEl.value);});
searchEl.addEventListener('keydown',function(ev){if(ev.key==='Enter'){var m=matches(searchEl.value); if(m.length) pick(m[0].id);} else if(ev.key==='Escape') suggest.replaceChildren();});
searchEl.addEventListener('change',function(){var m=matches(searchEl.value); if(m.length) pick(m[0].id);});
searchEl.addEventListener('blur',function(){setTimeout(function(){suggest.replaceChildren();},150);});
// exports for reports: what is on screen, as PNG (pixels) and SVG (vectors)
function png(){
  var src=container.getElementsByTagName('canvas')[0], c=document.createElement('canvas');
  c.width=src.width; c.height=src.height; var ctx=c.getContext('2d'); ctx.fillStyle='#fff'; ctx.fillRect(0,0,c.width,c.height); ctx.drawImage(src,0,0);
  return c.toDataURL('image/png');
}
function svg(){
  var pos=network.getPositions(), root=document.createElementNS(SVGNS,'svg'), pad=40, box=null;
  function grow(x0,y0,x1,y1){box=box?[Math.min(box[0],x0),Math.min(box[1],y0),Math.max(box[2],x1),Math.max(box[3],y1)]:[x0,y0,x1,y1];}
  function add(parent,tag,attrs){var e=document.createElementNS(SVGNS,tag); Object.keys(attrs).forEach(function(a){e.setAttribute(a,attrs[a]);}); parent.appendChild(e); return e;}
  root.setAttribute('xmlns',SVGNS); add(root,'rect',{x:'-100000',y:'-100000',width:'200000',height:'200000',fill:'#fff'});
  var ge=add(root,'g',{'class':'edges'}), gn=add(root,'g',{'class':'nodes'});
  edges.get().forEach(function(e){
    if(e.hidden||!pos[e.from]||!pos[e.to]||nodes.get(e.from).hidden||nodes.get(e.to).hidden) return;
    var a=pos[e.from], b=pos[e.to];
    var line=add(ge,'line',{x1:a.x,y1:a.y,x2:b.x,y2:b.y,stroke:e.color,'stroke-width':e.width,'stroke-opacity':0.8});
    if(e.dashes) line.setAttribute('stroke-dasharray','6 4');
  });
  nodes.get().forEach(function(n){
    if(n.hidden||!pos[n.id]) return;
    var p=pos[n.id], s=n.size, fill=n.color, lines=String(n.label).split('\\n'), boxed=n.shape==='box';
    if(n.shape==='dot') add(gn,'circle',{cx:p.x,cy:p.y,r:s,fill:fill});
    else if(n.shape==='square') add(gn,'rect',{x:p.x-s,y:p.y-s,width:2*s,height:2*s,fill:fill});
    else if(n.shape==='diamond') add(gn,'polygon',{points:[p.x,p.y-s,p.x+s,p.y,p.x,p.y+s,p.x-s,p.y].join(' '),fill:fill});
    else if(n.shape==='triangle') add(gn,'polygon',{points:[p.x,p.y-s,p.x+s,p.y+s*0.8,p.x-s,p.y+s*0.8].join(' '),fill:fill});
    else if(boxed){var w=Math.max.apply(null,lines.map(function(l){return l.length;}))*8+12, h=lines.length*16+10;
      add(gn,'rect',{x:p.x-w/2,y:p.y-h/2,width:w,height:h,rx:4,fill:fill});}
    var top=boxed?p.y-lines.length*8+12:p.y+s+14;
    var t=add(gn,'text',{x:p.x,y:top,'text-anchor':'middle','font-family':'arial','font-size':14,fill:'#343434'});
    lines.forEach(function(l,i){var ts=add(t,'tspan',{x:p.x,dy:i?16:0}); ts.textContent=l;});
    grow(p.x-Math.max(s,60),p.y-s,p.x+Math.max(s,60),top+16*lines.length);
  });
  box=box||[0,0,1,1];
  root.setAttribute('viewBox',[box[0]-pad,box[1]-pad,box[2]-box[0]+2*pad,box[3]-box[1]+2*pad].join(' '));
  root.setAttribute('width',Math.round(box[2]-box[0]+2*pad)); root.setAttribute('height',Math.round(box[3]-box[1]+2*pad));
  return new XMLSerializer().serializeToString(root);
}
window.kgPng=png; window.kgSvg=svg;
function save(url, file){var a=el('a'); a.href=url; a.download=file; document.body.appendChild(a); a.click(); a.remove();}
document.getElementById('save-png').addEventListener('click',function(){save(png(),'kg-view.png');});
document.getElementById('save-svg').addEventListener('click',function(){save('data:image/svg+xml;charset=utf-8,'+encodeURIComponent(svg()),'kg-view.svg');});
document.getElementById('print').addEventListener('click',function(){window.print();});
window.addEventListener('beforeprint',function(){document.getElementById('print-img').src=png();});
})();
</script></body></html>
"""
