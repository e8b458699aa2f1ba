import SiteScoring

extension HTMLReport {
    /// The methods in two sentences each, with references; the one used is marked.
    func methodSection() -> String {
        var html = "<section id=\"method\">\n<h2>\(t("Methods", "Methoden"))</h2>\n"
        html += "<p>\(HTML.escape(t("All methods start from the same value-function results (0 to 1 per criterion) and weights; they differ in how they combine them. This report used \(result.method.displayName)\(result.ahp != nil ? " with AHP weights" : "").", "Alle Verfahren gehen von denselben Ergebnissen der Wertfunktionen (0 bis 1 je Kriterium) und Gewichten aus; sie unterscheiden sich darin, wie sie sie verbinden. Dieser Bericht verwendet \(result.method.displayName)\(result.ahp != nil ? " mit AHP-Gewichten" : "")."))) </p>\n"
        let entries: [(String, Bool, String, String)] = [
            ("WSM", result.method == .wsm,
             t("The weighted sum adds up each criterion’s value times its weight, so a site’s score is the sum of the contributions in the table. It is the most transparent method and lets a strength in one criterion make up for a weakness in another.",
               "Die gewichtete Summe addiert für jedes Kriterium den Wert mal sein Gewicht; der Wert eines Standorts ist also die Summe der Beiträge in der Tabelle. Sie ist das transparenteste Verfahren und lässt eine Stärke bei einem Kriterium eine Schwäche bei einem anderen ausgleichen."),
             "Fishburn, P. C. (1967): Additive utilities with incomplete product sets. Operations Research 15(3); Malczewski, J. (1999): GIS and Multicriteria Decision Analysis. Wiley."),
            ("TOPSIS", result.method == .topsis,
             t("TOPSIS measures each site’s distance to an ideal site with the best value in every criterion and to an anti-ideal with the worst. The score is the relative closeness to the ideal, between 0 and 1.",
               "TOPSIS misst den Abstand jedes Standorts zu einem idealen Standort mit dem besten Wert in jedem Kriterium und zu einem Anti-Ideal mit dem schlechtesten. Der Wert ist die relative Nähe zum Ideal, zwischen 0 und 1."),
             "Hwang, C.-L., Yoon, K. (1981): Multiple Attribute Decision Making. Springer."),
            ("VIKOR", result.method == .vikor,
             t("VIKOR seeks a compromise between the best overall performance (S) and the smallest worst shortfall (R), combined in Q with the weight v; the score shown is 1 − Q. It also checks whether the first site has an acceptable advantage over the second and is stable.",
               "VIKOR sucht einen Kompromiss zwischen der besten Gesamtleistung (S) und dem kleinsten größten Defizit (R), verbunden in Q mit dem Gewicht v; der gezeigte Wert ist 1 − Q. Es prüft außerdem, ob der erste Standort einen ausreichenden Vorsprung vor dem zweiten hat und stabil ist."),
             "Opricovic, S., Tzeng, G.-H. (2004): Compromise solution by MCDM methods. European Journal of Operational Research 156(2)."),
            ("PROMETHEE II", result.method == .promethee2,
             t("PROMETHEE II compares every pair of sites criterion by criterion through a preference function and sums the weighted preferences into how strongly a site outranks the others and is outranked by them. The score is the net flow φ = φ⁺ − φ⁻, which gives a complete ranking.",
               "PROMETHEE II vergleicht jedes Paar von Standorten Kriterium für Kriterium über eine Präferenzfunktion und summiert die gewichteten Präferenzen dazu, wie stark ein Standort die anderen übertrifft und von ihnen übertroffen wird. Der Wert ist der Nettofluss φ = φ⁺ − φ⁻, der eine vollständige Rangfolge ergibt."),
             "Brans, J.-P., Vincke, Ph. (1985): A preference ranking organisation method. Management Science 31(6)."),
            ("AHP", result.ahp != nil,
             t("The analytic hierarchy process derives weights from pairwise judgements (how many times more important is A than B, on a 1–9 scale) as the principal eigenvector of the judgement matrix. Its consistency ratio CR shows how far the judgements contradict each other; up to 0.1 is acceptable.",
               "Der Analytische Hierarchieprozess leitet Gewichte aus Paarvergleichen ab (wie viel wichtiger ist A als B, auf einer Skala 1–9), als Haupteigenvektor der Vergleichsmatrix. Sein Konsistenzverhältnis CR zeigt, wie weit sich die Urteile widersprechen; bis 0,1 gilt als annehmbar."),
             "Saaty, T. L. (1980): The Analytic Hierarchy Process. McGraw-Hill."),
        ]
        for (name, used, text, reference) in entries {
            html += "<div\(used ? " class=\"method-used\"" : "")><h3>\(HTML.escape(name))\(used ? " · " + HTML.escape(t("used in this report", "in diesem Bericht verwendet")) : "")</h3>\n"
            html += "<p>\(HTML.escape(text))</p>\n<p class=\"note\">\(HTML.escape(reference))</p></div>\n"
        }
        html += "<p class=\"note\">\(HTML.escape(t("Distances, counts and areas are planar in the working coordinate system; sites are measured from their centre point. Ties in score are broken by site id. Full definitions: docs/scenario.md and docs/sensitivity.md in the Standort repository.", "Entfernungen, Anzahlen und Flächen sind eben im Arbeits-Koordinatensystem gemessen, von der Mitte des Standorts aus. Bei gleichem Wert entscheidet die Kennung. Vollständige Definitionen: docs/scenario.md und docs/sensitivity.md im Standort-Repository.")))</p>\n"
        return html + "</section>\n"
    }
}
