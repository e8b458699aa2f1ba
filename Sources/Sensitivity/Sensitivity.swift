import SiteScoring
public enum SensitivityModule {}
