/// The pack's one stylesheet: a sober house style for screens from a phone up, and a print stylesheet for A4
/// (each part on a new page, no indicator split across pages, links' targets left out). Every text colour
/// has a contrast of at least 4.5:1 on its background.
enum HTMLStyles {
    static let css = """
    :root{--ink:#1a1a1a;--muted:#4d4d4d;--rule:#c8c8c8;--accent:#0b4f9c;--band:#e6e6e6}
    *{box-sizing:border-box}
    html{-webkit-text-size-adjust:100%}
    body{margin:0;color:var(--ink);background:#fff;font:16px/1.5 "Segoe UI",Arial,Helvetica,sans-serif}
    main{max-width:60rem;margin:0 auto;padding:1rem}
    h1{font-size:2rem;line-height:1.2;margin:0 0 .5rem}
    h2{font-size:1.5rem;margin:2rem 0 .75rem;padding-bottom:.25rem;border-bottom:2px solid var(--accent)}
    h3{font-size:1.2rem;margin:0 0 .25rem}
    h4{font-size:1rem;margin:.75rem 0 .25rem}
    p{margin:.25rem 0 .75rem}
    a{color:var(--accent)}
    .cover{min-height:60vh;display:flex;flex-direction:column;justify-content:center;border-bottom:4px solid var(--accent)}
    .cover .org{font-size:1.25rem;color:var(--muted);margin:0}
    .cover .quarter{font-size:1.5rem;margin:.5rem 0}
    .cover dl{display:grid;grid-template-columns:max-content 1fr;gap:.25rem 1rem;margin:1rem 0}
    .cover dt{font-weight:600}.cover dd{margin:0}
    nav ol{padding-left:1.25rem}
    .scroll{overflow-x:auto;margin:0 0 1rem}
    table{border-collapse:collapse;width:100%;font-size:.9rem}
    caption{text-align:left;font-weight:600;padding:.25rem 0;caption-side:top}
    th,td{border-bottom:1px solid var(--rule);padding:.3rem .4rem;text-align:left;vertical-align:top}
    thead th{border-bottom:2px solid var(--ink)}
    td.num,th.num{text-align:right;white-space:nowrap}
    .status{display:inline-block;padding:0 .4rem;border-radius:.25rem;white-space:nowrap;font-weight:600}
    .status-better{background:#dcefe0;color:#14532d}
    .status-within{background:#fdf0c4;color:#5a3e00}
    .status-worse{background:#fbdcdb;color:#8a1c1c}
    .status-none{background:#ececec;color:#333}
    .status-no-data{background:#ececec;color:#333;border:1px dashed #555}
    .stale{color:var(--muted);font-style:italic}
    article.indicator{border-top:1px solid var(--rule);padding:1rem 0}
    .headline{font-size:1.05rem}
    .headline .value{font-size:1.6rem;font-weight:700;margin-right:.5rem}
    figure{margin:.5rem 0}
    svg.chart{width:100%;height:auto;max-width:42rem;display:block}
    figcaption{font-size:.85rem;color:var(--muted)}
    .key{display:inline-block;width:1.5em;height:.6em;margin:0 .3em 0 .8em;vertical-align:middle}
    .key-value{background:#0b4f9c}.key-target{background:#8a1c1c}.key-band{background:var(--band);border:1px solid #999}
    .key-comp{border-top:2px dashed #555;height:0}.key-mean{border-top:1px solid #666;border-bottom:2px dotted #666;height:.5em}
    .key-special{width:.8em;height:.8em;border:2px solid #b34700;border-radius:50%}
    .commentary{display:grid;grid-template-columns:1fr 1fr;gap:1rem}
    .commentary section{background:#f6f7f9;border-left:4px solid var(--accent);padding:.25rem .75rem}
    .commentary section.team{border-left-color:#555}
    .none{color:var(--muted);font-style:italic}
    .definition{font-size:.85rem;color:var(--muted)}
    table.heatmap{width:auto}
    table.heatmap td{width:4.5rem;height:3rem;text-align:center;vertical-align:middle;font-weight:600;border:1px solid #fff}
    .band-0{background:#dcefe0}.band-1{background:#fdf0c4}.band-2{background:#fbdcdb}.band-none{background:#ececec}
    @media (max-width:40rem){
      main{padding:.5rem}
      h1{font-size:1.5rem}
      .commentary{grid-template-columns:1fr}
      .cover{min-height:auto;padding:2rem 0}
    }
    @page{size:A4;margin:15mm 14mm}
    @media print{
      body{font-size:10.5pt}
      main{max-width:none;padding:0}
      .cover{min-height:150mm;border-bottom:none}
      nav{break-after:page}
      section.part{break-before:page}
      article.indicator,figure,table.heatmap,tr{break-inside:avoid}
      h2,h3,h4{break-after:avoid}
      .scroll{overflow:visible}
      article.indicator{padding:3mm 0;font-size:9pt;display:grid;grid-template-columns:1fr 1fr;column-gap:6mm}
      article.indicator>h3,article.indicator>.headline,article.indicator>.definition{grid-column:1/-1}
      article.indicator>figure{grid-column:1;margin:0}
      article.indicator>.commentary{grid-column:2;display:block}
      .commentary section{margin-bottom:2mm;padding:0 0 0 3mm}
      .definition{margin:.1rem 0}
      .headline .value{font-size:15pt}
      table{font-size:8.5pt}
      .commentary section{background:none}
    }
    """
}
