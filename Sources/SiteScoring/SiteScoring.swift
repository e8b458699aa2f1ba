public enum SiteScoringModule {}
