/// The report's stylesheet: system fonts only (no web fonts), readable on screen and on A4 paper.
enum ReportStyle {
    static let css = """
    :root { --ink: #1d2430; --muted: #5b6472; --rule: #d9dde3; --accent: #2c7fb8; --soft: #f4f6f8; }
    * { box-sizing: border-box; }
    html { font-family: system-ui, -apple-system, "Segoe UI", "DejaVu Sans", "Liberation Sans", Arial, sans-serif; color: var(--ink); font-size: 15px; line-height: 1.45; }
    body { max-width: 60rem; margin: 0 auto; padding: 1.5rem 1.25rem 3rem; background: #fff; }
    h1 { font-size: 1.9rem; line-height: 1.2; margin: 0.2rem 0 0.4rem; }
    h2 { font-size: 1.35rem; margin: 2.2rem 0 0.6rem; padding-top: 0.4rem; border-top: 2px solid var(--ink); }
    h3 { font-size: 1.05rem; margin: 1.4rem 0 0.4rem; }
    p { margin: 0.4rem 0 0.7rem; max-width: 48rem; }
    .kicker { text-transform: uppercase; letter-spacing: 0.06em; font-size: 0.78rem; color: var(--muted); margin: 0; }
    .lead { font-size: 1.08rem; color: var(--muted); }
    .figures { display: flex; flex-wrap: wrap; gap: 0.5rem 1.6rem; margin: 1rem 0; padding: 0.7rem 1rem; background: var(--soft); border-radius: 6px; }
    .figures div { min-width: 7rem; }
    .figures dt { font-size: 0.75rem; color: var(--muted); text-transform: uppercase; letter-spacing: 0.04em; }
    .figures dd { margin: 0; font-size: 1.15rem; font-weight: 600; }
    nav ol { display: flex; flex-wrap: wrap; gap: 0.2rem 1.2rem; padding: 0; margin: 0.5rem 0 0; list-style: none; font-size: 0.9rem; }
    nav a { color: var(--accent); text-decoration: none; }
    figure { margin: 0.8rem 0; }
    figcaption { font-size: 0.85rem; color: var(--muted); margin-top: 0.3rem; }
    svg.map { width: 100%; height: auto; border: 1px solid var(--rule); display: block; }
    svg.map .lbl { font-size: 10px; font-weight: 600; fill: #111; paint-order: stroke; stroke: #fff; stroke-width: 3px; stroke-linejoin: round; }
    svg.map .rk { font-size: 8.5px; font-weight: 700; }
    svg.map .po { font-size: 10px; font-weight: 700; fill: #b23c00; paint-order: stroke; stroke: #fff; stroke-width: 3px; }
    svg.map .sc { font-size: 10px; fill: #222; }
    svg.vf .ax { font-size: 8.5px; fill: #555; }
    .legend { list-style: none; padding: 0; margin: 0.5rem 0; display: flex; flex-wrap: wrap; gap: 0.2rem 1.1rem; font-size: 0.85rem; }
    .legend li { display: flex; align-items: center; gap: 0.3rem; }
    .attribution { font-size: 0.78rem; color: var(--muted); margin: 0.2rem 0; }
    table { border-collapse: collapse; width: 100%; margin: 0.6rem 0 1rem; font-size: 0.85rem; }
    th, td { border-bottom: 1px solid var(--rule); padding: 0.3rem 0.4rem; text-align: left; vertical-align: top; }
    th { background: var(--soft); font-weight: 600; }
    td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
    td .c { display: block; color: var(--muted); font-size: 0.78rem; }
    td .id { color: var(--muted); font-size: 0.78rem; }
    table.ranking td:first-child { font-weight: 700; }
    table.matrix td { text-align: center; }
    .why { background: var(--soft); border-left: 4px solid var(--accent); padding: 0.6rem 0.9rem; max-width: none; }
    .note { font-size: 0.85rem; color: var(--muted); }
    .chart svg { max-width: 100%; height: auto; }
    .md { font-size: 0.9rem; border: 1px solid var(--rule); padding: 0.4rem 0.9rem; border-radius: 4px; }
    .md h4 { margin: 0.8rem 0 0.3rem; }
    code, .mono { font-family: "DejaVu Sans Mono", "Liberation Mono", Menlo, Consolas, monospace; font-size: 0.82em; }
    .hash { word-break: break-all; }
    pre { white-space: pre-wrap; word-break: break-all; background: var(--soft); padding: 0.6rem; font-size: 0.75rem; }
    footer { margin-top: 2.5rem; font-size: 0.8rem; color: var(--muted); border-top: 1px solid var(--rule); }
    .method-used { border-left: 4px solid var(--accent); padding-left: 0.6rem; }
    @page { size: A4; margin: 14mm 12mm 16mm; }
    @media print {
      html { font-size: 10pt; }
      body { max-width: none; padding: 0; }
      nav { display: none; }
      h2 { break-after: avoid; page-break-after: avoid; }
      h3 { break-after: avoid; }
      figure, .why, tr, .figures { break-inside: avoid; page-break-inside: avoid; }
      #sensitivity, #method, #provenance { break-before: page; page-break-before: always; }
      svg.map { max-height: 240mm; }
      thead { display: table-header-group; }
      a { color: inherit; text-decoration: none; }
    }

    """
}
