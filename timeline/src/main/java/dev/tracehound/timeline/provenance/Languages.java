package dev.tracehound.timeline.provenance;

/** Names of languages, for rules about translating. */
final class Languages {
    private Languages() {}

    /** Not English: "please reply in English" is ordinary mail. */
    static final String OTHER_THAN_ENGLISH = "(?:spanish|french|german|italian|portuguese|dutch|russian|chinese|mandarin|cantonese|japanese|korean"
            + "|arabic|hindi|bengali|urdu|turkish|polish|swedish|norwegian|danish|finnish|greek|hebrew|latin|vietnamese|thai|indonesian"
            + "|swahili|ukrainian|czech|romanian|hungarian|persian|farsi|klingon)";
}
