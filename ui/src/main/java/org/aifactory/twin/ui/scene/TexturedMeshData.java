package org.aifactory.twin.ui.scene;

import javafx.scene.image.WritableImage;
import javafx.scene.paint.Color;
import javafx.scene.paint.PhongMaterial;
import javafx.scene.shape.MeshView;
import javafx.scene.shape.TriangleMesh;

/** The arrays of one merged, textured triangle mesh: boxes ({@link BoxMeshData}) or row segments ({@link RowSegmentData}). */
interface TexturedMeshData {
    float[] points();

    float[] texCoords();

    int[] faces();

    int[] smoothingGroups();

    int textureWidth();

    int textureHeight();

    /** A mesh view of these arrays whose white material takes its colours from {@code texture} (sized by this data). */
    default MeshView view(WritableImage texture, String id) {
        TriangleMesh mesh = new TriangleMesh();
        mesh.getPoints().setAll(points());
        mesh.getTexCoords().setAll(texCoords());
        mesh.getFaces().setAll(faces());
        mesh.getFaceSmoothingGroups().setAll(smoothingGroups());
        PhongMaterial material = new PhongMaterial(Color.WHITE);
        material.setDiffuseMap(texture);
        MeshView view = new MeshView(mesh);
        view.setId(id);
        view.setMaterial(material);
        return view;
    }
}
