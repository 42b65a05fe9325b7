package dev.vigil.worldmodel.protocol;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The 14 drugs and embolic agents of a TACE protocol (MeWM's action space). The declaration order is the
 * multi-hot encoding order and the order of the hcc-tace cohort's action columns: the nine drugs first, then
 * the five embolics. Never reorder: the world model's conditioning vector depends on it.
 */
public enum TaceComponent {
    RALTITREXED("Raltitrexed", "raltitrexed", Kind.DRUG, DrugClass.ANTIMETABOLITE, "Tomudex"),
    EPIRUBICIN("Epirubicin", "epirubicin", Kind.DRUG, DrugClass.ANTHRACYCLINE, "EPI", "Pharmorubicin"),
    OXALIPLATIN("Oxaliplatin", "oxaliplatin", Kind.DRUG, DrugClass.PLATINUM, "OXA", "L-OHP"),
    LOBAPLATIN("Lobaplatin", "lobaplatin", Kind.DRUG, DrugClass.PLATINUM),
    MITOMYCIN("Mitomycin", "mitomycin", Kind.DRUG, DrugClass.ALKYLATING, "Mitomycin C", "MMC"),
    IDARUBICIN("Idarubicin", "idarubicin", Kind.DRUG, DrugClass.ANTHRACYCLINE, "IDA"),
    NEDAPLATIN("Nedaplatin", "nedaplatin", Kind.DRUG, DrugClass.PLATINUM),
    PIRARUBICIN("Pirarubicin", "pirarubicin", Kind.DRUG, DrugClass.ANTHRACYCLINE, "THP", "THP-adriamycin"),
    CISPLATIN("Cisplatin", "cisplatin", Kind.DRUG, DrugClass.PLATINUM, "DDP", "CDDP"),
    LIPIODOL("Lipiodol", "lipiodol", Kind.EMBOLIC, DrugClass.NONE, "Ethiodized oil", "Iodized oil",
            "Lipiodol Ultra-Fluide"),
    GELATIN_SPONGE("Gelatin Sponge", "gelatin-sponge", Kind.EMBOLIC, DrugClass.NONE, "Gelfoam", "Gelatin sponge particles",
            "GSP"),
    PVA("PVA", "pva", Kind.EMBOLIC, DrugClass.NONE, "Polyvinyl alcohol", "PVA particles"),
    ABSOLUTE_ALCOHOL("Absolute Alcohol", "absolute-alcohol", Kind.EMBOLIC, DrugClass.NONE, "Ethanol",
            "Absolute ethanol", "Dehydrated alcohol"),
    NBCA("NBCA", "nbca", Kind.EMBOLIC, DrugClass.NONE, "N-butyl cyanoacrylate", "N-butyl-2-cyanoacrylate",
            "Glue");

    /** The code system of {@link #code()}: Procedure.usedCode codings of the hcc-tace cohort. */
    public static final String CODE_SYSTEM = "http://vigil.dev/fhir/CodeSystem/tace-component";

    /** Number of components: the length of the multi-hot encoding. */
    public static final int COUNT = 14;

    /** Whether a component is a chemotherapeutic drug or an embolic agent. */
    public enum Kind { DRUG, EMBOLIC }

    /** Pharmacological class of a drug; {@code NONE} for embolics. */
    public enum DrugClass { PLATINUM, ANTHRACYCLINE, ANTIMETABOLITE, ALKYLATING, NONE }

    private static final Map<String, TaceComponent> BY_NAME = byName();

    private final String displayName;
    private final String code;
    private final Kind kind;
    private final DrugClass drugClass;
    private final List<String> synonyms;

    TaceComponent(String displayName, String code, Kind kind, DrugClass drugClass, String... synonyms) {
        this.displayName = displayName;
        this.code = code;
        this.kind = kind;
        this.drugClass = drugClass;
        this.synonyms = List.of(synonyms);
    }

    /** As protocols are written, e.g. {@code Gelatin Sponge}. */
    public String displayName() {
        return displayName;
    }

    /** The canonical code in {@link #CODE_SYSTEM}, e.g. {@code gelatin-sponge}. */
    public String code() {
        return code;
    }

    public Kind kind() {
        return kind;
    }

    public boolean isDrug() {
        return kind == Kind.DRUG;
    }

    public DrugClass drugClass() {
        return drugClass;
    }

    /** Other names the parser accepts, e.g. {@code THP} for pirarubicin, {@code Gelfoam}. */
    public List<String> synonyms() {
        return synonyms;
    }

    /** The action column of the hcc-tace cohort, e.g. {@code tace_gelatin_sponge}. */
    public String actionColumn() {
        return "tace_" + code.replace('-', '_');
    }

    /** Components in encoding order. */
    public static List<TaceComponent> inOrder() {
        return List.of(values());
    }

    /**
     * The component a name stands for: display name, code or synonym, ignoring case, spaces, '-' and '_'.
     *
     * @throws IllegalArgumentException naming {@code name} and listing the vocabulary when it is none
     */
    public static TaceComponent ofName(String name) {
        TaceComponent component = name == null ? null : BY_NAME.get(normalise(name));
        if (component == null) {
            throw new IllegalArgumentException("'" + name + "' is not a TACE drug or embolic agent; the vocabulary is "
                    + vocabulary() + " (synonyms such as THP, Gelfoam or Ethanol are accepted)");
        }
        return component;
    }

    /** The display names in encoding order, comma-separated. */
    public static String vocabulary() {
        List<String> names = new ArrayList<>();
        for (TaceComponent component : values()) {
            names.add(component.displayName);
        }
        return String.join(", ", names);
    }

    /** Lower case with every run of spaces, '-' and '_' removed: "Gelatin-Sponge" and "gelatin sponge" meet. */
    static String normalise(String name) {
        return name.strip().toLowerCase(Locale.ROOT).replaceAll("[\\s_\\-]+", "");
    }

    private static Map<String, TaceComponent> byName() {
        Map<String, TaceComponent> map = new LinkedHashMap<>();
        for (TaceComponent component : values()) {
            List<String> names = new ArrayList<>(component.synonyms);
            names.add(component.displayName);
            names.add(component.code);
            for (String name : names) {
                TaceComponent earlier = map.putIfAbsent(normalise(name), component);
                if (earlier != null && earlier != component) {
                    throw new IllegalStateException("The TACE name '" + name + "' is claimed by " + earlier + " and "
                            + component);
                }
            }
        }
        return Collections.unmodifiableMap(map);
    }
}
