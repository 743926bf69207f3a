/* dragsource: the real-window suite's own XDND drag source. It shows a
 * small window at the top left of the screen that drags the files named on
 * the command line as text/uri-list, the way a file manager does.
 * Usage: dragsource FILE...
 * It prints "ready" once the window is on screen, and "sent" each time a drop
 * target took the data. Build: gcc dragsource.c $(pkg-config --cflags --libs gtk+-3.0)
 */
#include <gtk/gtk.h>
#include <stdio.h>

static gchar **uris;

static void on_get(GtkWidget *w, GdkDragContext *ctx, GtkSelectionData *data,
                   guint info, guint time, gpointer user) {
  gtk_selection_data_set_uris(data, uris);
  printf("sent\n");
  fflush(stdout);
}

static gboolean on_mapped(GtkWidget *w, GdkEvent *e, gpointer user) {
  printf("ready\n");
  fflush(stdout);
  return FALSE;
}

int main(int argc, char **argv) {
  gtk_init(&argc, &argv);
  if (argc < 2) {
    fprintf(stderr, "usage: dragsource FILE...\n");
    return 64;
  }
  uris = g_new0(gchar *, argc);
  for (int i = 1; i < argc; i++) {
    GError *err = NULL;
    gchar *abs = g_canonicalize_filename(argv[i], NULL);
    uris[i - 1] = g_filename_to_uri(abs, NULL, &err);
    g_free(abs);
    if (!uris[i - 1]) {
      fprintf(stderr, "dragsource: %s\n", err->message);
      return 1;
    }
  }
  GtkWidget *win = gtk_window_new(GTK_WINDOW_TOPLEVEL);
  gtk_window_set_title(GTK_WINDOW(win), "dragsource");
  gtk_window_set_default_size(GTK_WINDOW(win), 200, 120);
  gtk_window_move(GTK_WINDOW(win), 20, 20);
  GtkWidget *box = gtk_event_box_new();
  GtkWidget *label = gtk_label_new("DRAG ME");
  gtk_container_add(GTK_CONTAINER(box), label);
  gtk_container_add(GTK_CONTAINER(win), box);
  GtkTargetEntry target = {"text/uri-list", 0, 0};
  gtk_drag_source_set(box, GDK_BUTTON1_MASK, &target, 1, GDK_ACTION_COPY);
  g_signal_connect(box, "drag-data-get", G_CALLBACK(on_get), NULL);
  g_signal_connect(win, "map-event", G_CALLBACK(on_mapped), NULL);
  g_signal_connect(win, "destroy", G_CALLBACK(gtk_main_quit), NULL);
  gtk_widget_show_all(win);
  gtk_main();
  return 0;
}
