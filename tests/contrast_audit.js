// Text contrast of every visible text node (WCAG 2.1 AA): returns those below 4.5:1 (3:1 when large).
// Foreground opacity and translucent backgrounds are blended; canvas (data grids) and SVG (plotly) are skipped.
() => {
  function parse(c) { const m = c.match(/rgba?\(([^)]+)\)/); if (!m) return null; const p = m[1].split(',').map(Number); return {r:p[0], g:p[1], b:p[2], a: p.length > 3 ? p[3] : 1}; }
  function lum(c) { const f = v => { v /= 255; return v <= 0.04045 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4); }; return 0.2126*f(c.r) + 0.7152*f(c.g) + 0.0722*f(c.b); }
  function blend(top, bottom) { const a = top.a; return {r: top.r*a + bottom.r*(1-a), g: top.g*a + bottom.g*(1-a), b: top.b*a + bottom.b*(1-a), a: 1}; }
  function background(el) {
    const layers = [];
    for (let e = el; e; e = e.parentElement) { const c = parse(getComputedStyle(e).backgroundColor); if (c && c.a > 0) { layers.push(c); if (c.a >= 1) break; } }
    let bg = {r:255, g:255, b:255, a:1};
    for (let i = layers.length - 1; i >= 0; i--) bg = blend(layers[i], bg);
    return bg;
  }
  function opacity(el) { let o = 1; for (let e = el; e; e = e.parentElement) o *= Number(getComputedStyle(e).opacity); return o; }
  const out = [];
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  const seen = new Set();
  while (walker.nextNode()) {
    const node = walker.currentNode; const text = node.textContent.trim(); if (!text) continue;
    const el = node.parentElement; if (seen.has(el)) continue; seen.add(el);
    if (el.closest('svg') || el.closest('[aria-hidden="true"]')) continue;
    const rect = el.getBoundingClientRect(); if (rect.width === 0 || rect.height === 0) continue;
    const style = getComputedStyle(el); if (style.visibility === 'hidden' || style.display === 'none') continue;
    const bg = background(el); let fg = parse(style.color); fg.a *= opacity(el); const fgb = blend(fg, bg);
    const l1 = lum(fgb), l2 = lum(bg); const ratio = (Math.max(l1,l2) + 0.05) / (Math.min(l1,l2) + 0.05);
    const size = parseFloat(style.fontSize), bold = Number(style.fontWeight) >= 700;
    const need = (size >= 24 || (bold && size >= 18.66)) ? 3 : 4.5;
    if (ratio < need) out.push({text: text.slice(0, 50), ratio: Math.round(ratio*100)/100, need, color: style.color, testid: (el.closest('[data-testid]')||{}).dataset?.testid});
  }
  return out;
}
