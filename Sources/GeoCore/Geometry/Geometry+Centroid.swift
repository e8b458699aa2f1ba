extension Geometry {
    /// The centroid, computed from the highest-dimension parts that have a non-zero measure, as GEOS and
    /// shapely do: area-weighted over polygons (`Σ Aᵢ cᵢ / Σ Aᵢ`, holes subtracted); if the total area is 0,
    /// length-weighted over segment midpoints of lines and polygon rings (`Σ Lⱼ mⱼ / Σ Lⱼ`); if that is 0
    /// too, the mean of all positions. Nil for an empty geometry.
    public var centroid: Position? {
        guard let origin = firstPosition else { return nil }
        var acc = CentroidAccumulator(origin: origin)
        acc.add(self)
        return acc.result
    }

    private var firstPosition: Position? {
        var first: Position?
        forEachPosition { p in if first == nil { first = p } }
        return first
    }
}

/// Sums area, length and point moments in one pass, relative to a common origin for precision.
private struct CentroidAccumulator {
    let origin: Position
    var doubledArea = 0.0, areaMx = 0.0, areaMy = 0.0
    var length = 0.0, lineMx = 0.0, lineMy = 0.0
    var pointCount = 0, pointSx = 0.0, pointSy = 0.0

    init(origin: Position) { self.origin = origin }

    mutating func add(_ g: Geometry) {
        switch g {
        case .point(let p): addPoint(p)
        case .multiPoint(let ps): ps.forEach { addPoint($0) }
        case .lineString(let line): addLine(line)
        case .multiLineString(let lines): lines.forEach { addLine($0) }
        case .polygon(let poly): addPolygon(poly)
        case .multiPolygon(let polys): polys.forEach { addPolygon($0) }
        case .geometryCollection(let members): members.forEach { add($0) }
        }
    }

    mutating func addPoint(_ p: Position) {
        pointCount += 1
        pointSx += p.x - origin.x
        pointSy += p.y - origin.y
    }

    mutating func addLine(_ line: [Position]) {
        line.forEach { addPoint($0) }
        guard line.count >= 2 else { return }
        for i in 1..<line.count {
            let a = line[i - 1], b = line[i]
            let l = a.distance(to: b)
            length += l
            lineMx += l * ((a.x - origin.x) + (b.x - origin.x)) / 2
            lineMy += l * ((a.y - origin.y) + (b.y - origin.y)) / 2
        }
    }

    mutating func addPolygon(_ poly: Polygon) {
        let m = poly.areaMoments(origin: origin)
        doubledArea += m.doubledArea
        areaMx += m.mx
        areaMy += m.my
        poly.rings.forEach { addLine($0) }
    }

    var result: Position? {
        if doubledArea != 0 {
            return Position(x: origin.x + areaMx / (3 * doubledArea), y: origin.y + areaMy / (3 * doubledArea))
        }
        if length != 0 {
            return Position(x: origin.x + lineMx / length, y: origin.y + lineMy / length)
        }
        guard pointCount > 0 else { return nil }
        return Position(x: origin.x + pointSx / Double(pointCount), y: origin.y + pointSy / Double(pointCount))
    }
}
