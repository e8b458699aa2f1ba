extension Polygon {
    /// The enclosed area: |shoelace area of the exterior| minus the |area| of each hole
    /// (`A = ½ |Σ (xᵢ yᵢ₊₁ − xᵢ₊₁ yᵢ)|` per ring), independent of ring orientation.
    public var area: Double {
        var a = Swift.abs(Polygon.doubledSignedArea(ofRing: exterior))
        for hole in holes { a -= Swift.abs(Polygon.doubledSignedArea(ofRing: hole)) }
        return a / 2
    }
}
