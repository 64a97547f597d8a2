package dev.tracehound.app.ui.notify;

import javafx.scene.Node;
import javafx.scene.control.Alert;
import javafx.util.Duration;
import org.controlsfx.control.Notifications;

/**
 * How results and errors reach the user: ControlsFX notifications for results, dialogs for errors, always as
 * readable sentences, never stack traces.
 */
public final class Notifier {
    private final Node owner;

    public Notifier(Node owner) {
        this.owner = owner;
    }

    public void info(String title, String text) {
        try {
            Notifications.create().owner(owner).title(title).text(text).hideAfter(Duration.seconds(5)).showInformation();
        } catch (RuntimeException e) {
            // No window to attach a notification to (early start): the status bar still shows the outcome.
        }
    }

    public void error(String text) {
        Alert a = new Alert(Alert.AlertType.ERROR);
        a.setTitle("Tracehound");
        a.setHeaderText("Something went wrong");
        a.setContentText(text);
        if (owner.getScene() != null && owner.getScene().getWindow() != null) a.initOwner(owner.getScene().getWindow());
        a.show();
    }
}
