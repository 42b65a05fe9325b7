package dev.vigil.worldmodel.synth;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.vigil.safety.contraindication.TaceCovariates;
import dev.vigil.worldmodel.protocol.ProtocolSpace;
import dev.vigil.worldmodel.protocol.TaceProtocol;
import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import java.util.Locale;

/**
 * Streams {@code ground-truth.json} (format in docs/methods/synthetic-hcc.md, section 7): a header, one object
 * per patient, and a summary at the end. Pretty-printed, keys in a fixed order, doubles as Java prints them,
 * so the same cohort gives the same bytes.
 */
final class HccGroundTruthWriter implements AutoCloseable {

    static final String FILE_NAME = "ground-truth.json";
    static final String FORMAT = "vigil-hcc-ground-truth";
    static final int FORMAT_VERSION = 1;

    private final JsonGenerator json;

    HccGroundTruthWriter(OutputStream out, HccCohortConfig config, String ruleSet) throws IOException {
        json = new JsonFactory().createGenerator(out);
        json.useDefaultPrettyPrinter();
        json.writeStartObject();
        json.writeStringField("format", FORMAT);
        json.writeNumberField("formatVersion", FORMAT_VERSION);
        json.writeObjectFieldStart("config");
        json.writeNumberField("patients", config.patients());
        json.writeNumberField("seed", config.seed());
        json.writeNumberField("cropSize", config.cropSize());
        json.writeNumberField("heldOutFraction", config.heldOutFraction());
        json.writeEndObject();
        json.writeStringField("contraindicationRuleSet", ruleSet);
        json.writeArrayFieldStart("protocols");
        for (TaceProtocol protocol : ProtocolSpace.validProtocols()) {
            json.writeString(protocol.label());
        }
        json.writeEndArray();
        json.writeArrayFieldStart("patients");
    }

    void patient(SimulatedPatient simulated, String patientId, List<String> contraindications, boolean postLinked,
            int preMaskVoxels, int postMaskVoxels) throws IOException {
        HccPatient p = simulated.patient();
        TaceCovariates c = p.covariates();
        json.writeStartObject();
        json.writeNumberField("index", p.index());
        json.writeStringField("key", p.key());
        json.writeStringField("patientId", patientId);
        json.writeBooleanField("heldOut", p.heldOut());
        json.writeNumberField("ageYears", p.ageYears());
        json.writeStringField("sex", p.male() ? "male" : "female");
        json.writeStringField("birthDate", HccFhirWriter.birthDate(p).toString());
        json.writeObjectFieldStart("covariates");
        json.writeStringField("child_pugh_class", c.childPughClass().name());
        json.writeNumberField("child_pugh_score", c.childPughScore());
        json.writeNumberField("bilirubin", c.bilirubin());
        json.writeNumberField("albumin", c.albumin());
        json.writeNumberField("inr", c.inr());
        json.writeNumberField("platelets", c.platelets());
        json.writeNumberField("creatinine", c.creatinine());
        json.writeNumberField("afp", c.afp());
        json.writeNumberField("ecog", c.ecog());
        json.writeStringField("bclc_stage", c.bclcStage().label());
        json.writeStringField("portal_vein_thrombus", c.portalVeinThrombus().name().toLowerCase(Locale.ROOT));
        json.writeNumberField("lesion_count", c.lesionCount());
        json.writeNumberField("largest_diameter_cm", c.largestDiameterCm());
        json.writeEndObject();
        json.writeArrayFieldStart("contraindications");
        for (String id : contraindications) {
            json.writeString(id);
        }
        json.writeEndArray();
        TumourPhenotype ph = p.phenotype();
        json.writeObjectFieldStart("phenotype");
        json.writeNumberField("enhancement", ph.enhancement());
        json.writeStringField("vascularity", ph.vascularity().name().toLowerCase(Locale.ROOT));
        json.writeNumberField("necroticFraction", ph.necroticFraction());
        json.writeNumberField("largestDiameterCm", ph.largestDiameterCm());
        json.writeStringField("sizeClass", ph.sizeClass().name().toLowerCase(Locale.ROOT));
        json.writeEndObject();
        json.writeArrayFieldStart("lesions");
        for (LesionShape lesion : p.lesions()) {
            json.writeStartObject();
            json.writeNumberField("diameterCm", lesion.diameterCm());
            json.writeBooleanField("inCrop", lesion.inCrop());
            json.writeFieldName("centreMm");
            json.writeArray(lesion.centreMm(), 0, 3);
            json.writeEndObject();
        }
        json.writeEndArray();
        json.writeNumberField("tumourVolumeMl", p.tumourVolumeMl());
        json.writeNumberField("viableVolumeMl", p.viableVolumeMl());
        json.writeNumberField("spacingMm", p.spacingMm());
        Timeline t = p.timeline();
        json.writeObjectFieldStart("dates");
        json.writeStringField("diagnosis", t.diagnosis().toString());
        json.writeStringField("labs", t.labs().toString());
        json.writeStringField("preCt", t.preCt().toString());
        json.writeStringField("tace", t.tace().toString());
        json.writeStringField("postCt", t.postCt().toString());
        json.writeEndObject();
        json.writeStringField("givenProtocol", simulated.givenProtocol().label());
        json.writeNumberField("givenProtocolIndex", simulated.givenIndex());
        json.writeStringField("bestProtocol", simulated.bestProtocol().label());
        json.writeNumberField("bestProtocolIndex", simulated.bestIndex());
        TreatmentResponse r = simulated.givenResponse();
        json.writeObjectFieldStart("givenResponse");
        json.writeNumberField("logKill", r.logKill());
        json.writeNumberField("killFraction", r.killFraction());
        json.writeNumberField("shrinkFraction", r.shrinkFraction());
        json.writeNumberField("necroticFractionAfter", r.necroticFractionAfter());
        json.writeNumberField("volumeAfterMl", r.volumeAfterMl());
        json.writeNumberField("residualViableMl", r.residualViableMl());
        json.writeNumberField("hepatotoxicLoad", r.hepatotoxicLoad());
        json.writeEndObject();
        double[] expected = simulated.expectedSurvivalDays();
        json.writeFieldName("expectedSurvivalDays");
        json.writeArray(expected, 0, expected.length);
        List<TreatmentResponse> responses = simulated.responses();
        json.writeArrayFieldStart("shrinkFraction");
        for (TreatmentResponse response : responses) {
            json.writeNumber(response.shrinkFraction());
        }
        json.writeEndArray();
        json.writeArrayFieldStart("necroticFractionAfter");
        for (TreatmentResponse response : responses) {
            json.writeNumber(response.necroticFractionAfter());
        }
        json.writeEndArray();
        double eta = SurvivalModel.linearPredictor(p, r);
        json.writeObjectFieldStart("survival");
        json.writeNumberField("linearPredictor", eta);
        json.writeNumberField("expectedDays", SurvivalModel.expectedSurvivalDays(eta));
        json.writeNumberField("deathDays", simulated.survivalDays());
        json.writeNumberField("censorDays", p.censorDays());
        json.writeNumberField("observedDays", simulated.observedDays());
        json.writeBooleanField("event", simulated.died());
        json.writeEndObject();
        json.writeObjectFieldStart("images");
        for (ImageFile image : ImageFile.values()) {
            json.writeStringField(camel(image), image.relativePath(p.key()));
        }
        json.writeBooleanField("postImagesLinkedInFhir", postLinked);
        json.writeNumberField("preMaskVoxels", preMaskVoxels);
        json.writeNumberField("postMaskVoxels", postMaskVoxels);
        json.writeEndObject();
        json.writeEndObject();
    }

    void summary(HccCohortSummary summary) throws IOException {
        json.writeEndArray();
        json.writeObjectFieldStart("summary");
        json.writeNumberField("patients", summary.patients());
        json.writeNumberField("deaths", summary.deaths());
        json.writeNumberField("heldOut", summary.heldOut());
        json.writeNumberField("contraindicated", summary.contraindicated());
        json.writeStringField("mostCommonGivenProtocol", summary.mostCommonGivenProtocol());
        json.writeNumberField("mostCommonGivenCount", summary.mostCommonGivenCount());
        json.writeNumberField("clinicianChoseBest", summary.clinicianChoseBest());
        json.writeNumberField("distinctBestProtocols", summary.distinctBestProtocols());
        json.writeEndObject();
        json.writeEndObject();
    }

    @Override
    public void close() throws IOException {
        json.close();
    }

    /** PRE_CT -> preCt. */
    private static String camel(ImageFile image) {
        String[] parts = image.name().toLowerCase(Locale.ROOT).split("_");
        StringBuilder text = new StringBuilder(parts[0]);
        for (int i = 1; i < parts.length; i++) {
            text.append(Character.toUpperCase(parts[i].charAt(0))).append(parts[i].substring(1));
        }
        return text.toString();
    }
}
