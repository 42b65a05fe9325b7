package dev.vigil.api.tace;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * The database's record of a trained world model: its bundle folder under the data directory, the dataset it
 * was trained on, the folder its patients' images are read from, and the bundle's manifest. Immutable.
 */
@Entity
@Table(name = "world_model")
public class WorldModelRecord {

    @Id
    @Column(length = 100)
    private String id;

    @Column(name = "dataset_id", nullable = false, length = 64)
    private String datasetId;

    @Column(name = "images_dir", nullable = false, length = 1000)
    private String imagesDir;

    @Column(nullable = false, length = 1000)
    private String path;

    @Column(name = "manifest_json", nullable = false, length = 100000)
    private String manifestJson;

    @Column(name = "created_by", nullable = false, length = 64)
    private String createdBy;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    protected WorldModelRecord() {
        // for Hibernate
    }

    WorldModelRecord(String id, String datasetId, String imagesDir, String path, String manifestJson,
            String createdBy, Instant createdAt) {
        this.id = id;
        this.datasetId = datasetId;
        this.imagesDir = imagesDir;
        this.path = path;
        this.manifestJson = manifestJson;
        this.createdBy = createdBy;
        this.createdAt = createdAt;
    }

    public String getId() {
        return id;
    }

    public String getDatasetId() {
        return datasetId;
    }

    public String getImagesDir() {
        return imagesDir;
    }

    public String getPath() {
        return path;
    }

    public String getManifestJson() {
        return manifestJson;
    }

    public String getCreatedBy() {
        return createdBy;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }
}
