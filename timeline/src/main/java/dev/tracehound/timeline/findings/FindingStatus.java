package dev.tracehound.timeline.findings;

/** The investigator's verdict on a finding. */
public enum FindingStatus { NEW, CONFIRMED, FALSE_POSITIVE }
