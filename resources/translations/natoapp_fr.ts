<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr_FR">
<context>
    <name>AboutDialog</name>
    <message>
        <source>About natoapp</source>
        <translation>À propos de natoapp</translation>
    </message>
    <message>
        <source>An offline reference browser of NATO&apos;s partnership frameworks: find, read and quote the source texts. Every fact it shows comes with the passage it is read from.</source>
        <translation>Un outil de consultation hors ligne des cadres de partenariat de l&apos;OTAN : trouver, lire et citer les textes sources. Chaque fait affiché est accompagné du passage d&apos;où il est tiré.</translation>
    </message>
    <message>
        <source>Licences</source>
        <translation>Licences</translation>
    </message>
    <message>
        <source>The source texts are public web pages kept here for reference; their rights remain with their publishers.</source>
        <translation>Les textes sources sont des pages web publiques conservées ici pour référence ; leurs droits restent à leurs éditeurs.</translation>
    </message>
    <message>
        <source>Sources</source>
        <translation>Sources</translation>
    </message>
    <message>
        <source>The library is still being read.</source>
        <translation>La bibliothèque est en cours de lecture.</translation>
    </message>
    <message>
        <source>Database</source>
        <translation>Base de données</translation>
    </message>
    <message>
        <source>File</source>
        <translation>Fichier</translation>
    </message>
    <message>
        <source>Schema version</source>
        <translation>Version du schéma</translation>
    </message>
    <message>
        <source>Built on</source>
        <translation>Construite le</translation>
    </message>
    <message>
        <source>Input hash</source>
        <translation>Empreinte des sources</translation>
    </message>
    <message>
        <source>Built by natoapp</source>
        <translation>Construite par natoapp</translation>
    </message>
    <message>
        <source>SQLite</source>
        <translation>SQLite</translation>
    </message>
    <message>
        <source>Documents</source>
        <translation>Documents</translation>
    </message>
    <message>
        <source>Passages</source>
        <translation>Passages</translation>
    </message>
</context>
<context>
    <name>CollectionsModel</name>
    <message>
        <source>{name} ({count})</source>
        <translation>{name} ({count})</translation>
    </message>
    <message>
        <source>{count} excerpts</source>
        <translation>{count} extraits</translation>
    </message>
</context>
<context>
    <name>CollectionsPanel</name>
    <message>
        <source>Markdown (*.md)</source>
        <translation>Markdown (*.md)</translation>
    </message>
    <message>
        <source>Web page (*.html)</source>
        <translation>Page web (*.html)</translation>
    </message>
    <message>
        <source>CSV table (*.csv)</source>
        <translation>Tableau CSV (*.csv)</translation>
    </message>
    <message>
        <source>BibTeX (*.bib)</source>
        <translation>BibTeX (*.bib)</translation>
    </message>
    <message>
        <source>CSL-JSON (*.json)</source>
        <translation>CSL-JSON (*.json)</translation>
    </message>
    <message>
        <source>Word document (*.docx)</source>
        <translation>Document Word (*.docx)</translation>
    </message>
    <message>
        <source>Plain text (*.txt)</source>
        <translation>Texte brut (*.txt)</translation>
    </message>
    <message>
        <source>New collection</source>
        <translation>Nouvelle collection</translation>
    </message>
    <message>
        <source>Name:</source>
        <translation>Nom :</translation>
    </message>
    <message>
        <source>Created the collection “%1”.</source>
        <translation>Collection « %1 » créée.</translation>
    </message>
    <message>
        <source>Renamed the collection “%1”.</source>
        <translation>Collection « %1 » renommée.</translation>
    </message>
    <message>
        <source>Restored the collection “%1”.</source>
        <translation>Collection « %1 » rétablie.</translation>
    </message>
    <message>
        <source>Restored the excerpt.</source>
        <translation>Extrait rétabli.</translation>
    </message>
    <message>
        <source>Choose an excerpt to write a note on it.</source>
        <translation>Choisissez un extrait pour l’annoter.</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Note</translation>
    </message>
    <message>
        <source>Your note on this excerpt:</source>
        <translation>Votre note sur cet extrait :</translation>
    </message>
    <message>
        <source>Saved the note.</source>
        <translation>Note enregistrée.</translation>
    </message>
    <message>
        <source>Choose a collection to export.</source>
        <translation>Choisissez une collection à exporter.</translation>
    </message>
    <message>
        <source>Export the collection “%1”</source>
        <translation>Exporter la collection « %1 »</translation>
    </message>
    <message>
        <source>Exported to %1.</source>
        <translation>Exporté vers %1.</translation>
    </message>
    <message>
        <source>Choose a collection to copy.</source>
        <translation>Choisissez une collection à copier.</translation>
    </message>
    <message>
        <source>The collection “%1” is empty.</source>
        <translation>La collection « %1 » est vide.</translation>
    </message>
    <message>
        <source>Copied %1 excerpts with their citations.</source>
        <translation>%1 extraits copiés avec leurs références.</translation>
    </message>
    <message>
        <source>The collections could not be changed: %1</source>
        <translation>Les collections n’ont pas pu être modifiées : %1</translation>
    </message>
    <message>
        <source>Deleted the collection “%1” (%2 excerpts).</source>
        <translation>Collection « %1 » supprimée (%2 extraits).</translation>
    </message>
    <message>
        <source>Deleted the excerpt.</source>
        <translation>Extrait supprimé.</translation>
    </message>
    <message>
        <source>&amp;Open Passage</source>
        <translation>&amp;Ouvrir le passage</translation>
    </message>
    <message>
        <source>Show the excerpt&apos;s passage in the reader</source>
        <translation>Afficher le passage de l’extrait dans le lecteur</translation>
    </message>
    <message>
        <source>&amp;New Collection…</source>
        <translation>&amp;Nouvelle collection…</translation>
    </message>
    <message>
        <source>Create an empty collection</source>
        <translation>Créer une collection vide</translation>
    </message>
    <message>
        <source>&amp;Rename</source>
        <translation>&amp;Renommer</translation>
    </message>
    <message>
        <source>Rename the collection</source>
        <translation>Renommer la collection</translation>
    </message>
    <message>
        <source>Move &amp;Up</source>
        <translation>&amp;Monter</translation>
    </message>
    <message>
        <source>Move it one place up</source>
        <translation>Le monter d’un rang</translation>
    </message>
    <message>
        <source>Move &amp;Down</source>
        <translation>&amp;Descendre</translation>
    </message>
    <message>
        <source>Move it one place down</source>
        <translation>Le descendre d’un rang</translation>
    </message>
    <message>
        <source>&amp;Delete</source>
        <translation>&amp;Supprimer</translation>
    </message>
    <message>
        <source>Delete it (Undo brings it back)</source>
        <translation>Le supprimer (Annuler le rétablit)</translation>
    </message>
    <message>
        <source>&amp;Undo Delete</source>
        <translation>&amp;Annuler la suppression</translation>
    </message>
    <message>
        <source>Bring back what was deleted last</source>
        <translation>Rétablir la dernière suppression</translation>
    </message>
    <message>
        <source>Edit &amp;Note…</source>
        <translation>Modifier la &amp;note…</translation>
    </message>
    <message>
        <source>Write a note on the excerpt</source>
        <translation>Écrire une note sur l’extrait</translation>
    </message>
    <message>
        <source>&amp;Export…</source>
        <translation>&amp;Exporter…</translation>
    </message>
    <message>
        <source>Save the collection with its citations</source>
        <translation>Enregistrer la collection avec ses références</translation>
    </message>
    <message>
        <source>&amp;Copy All with Citations</source>
        <translation>&amp;Tout copier avec les références</translation>
    </message>
    <message>
        <source>Copy every excerpt of the collection with its citation</source>
        <translation>Copier chaque extrait de la collection avec sa référence</translation>
    </message>
    <message>
        <source>Undo</source>
        <translation>Annuler</translation>
    </message>
    <message>
        <source>No collections yet. Save an excerpt from the reader with Ctrl+D.</source>
        <translation>Aucune collection pour l’instant. Enregistrez un extrait depuis le lecteur avec Ctrl+D.</translation>
    </message>
    <message>
        <source>Collections of excerpts</source>
        <translation>Collections d’extraits</translation>
    </message>
    <message>
        <source>Collection tools</source>
        <translation>Outils des collections</translation>
    </message>
</context>
<context>
    <name>DetailPane</name>
    <message>
        <source>Copied the selected text.</source>
        <translation>Texte sélectionné copié.</translation>
    </message>
    <message>
        <source>Select an excerpt to copy it with its citation.</source>
        <translation>Sélectionnez un extrait pour le copier avec sa citation.</translation>
    </message>
    <message>
        <source>Open a document or select an excerpt first.</source>
        <translation>Ouvrez d&apos;abord un document ou sélectionnez un extrait.</translation>
    </message>
    <message>
        <source>Copied the reference of “%1”.</source>
        <translation>Référence de « %1 » copiée.</translation>
    </message>
    <message>
        <source>This page could not be read: %1</source>
        <translation>Cette page n&apos;a pas pu être lue : %1</translation>
    </message>
    <message>
        <source>Choose a framework, a country or a document on the left, or search the texts.</source>
        <translation>Choisissez un cadre de partenariat, un pays ou un document à gauche, ou cherchez dans les textes.</translation>
    </message>
    <message>
        <source>Copied an excerpt of passage %1 with its citation.</source>
        <translation>Extrait du passage %1 copié avec sa citation.</translation>
    </message>
    <message>
        <source>Copy Selection with Citation</source>
        <translation>Copier la sélection avec la citation</translation>
    </message>
    <message>
        <source>Copy Excerpt with Citation</source>
        <translation>Copier l&apos;extrait avec la citation</translation>
    </message>
    <message>
        <source>Save Selection to Collection…</source>
        <translation>Garder la sélection dans une collection…</translation>
    </message>
    <message>
        <source>Save Excerpt to Collection…</source>
        <translation>Garder l’extrait dans une collection…</translation>
    </message>
    <message>
        <source>Open in Document</source>
        <translation>Ouvrir dans le document</translation>
    </message>
    <message>
        <source>Copy Citation</source>
        <translation>Copier la référence</translation>
    </message>
    <message>
        <source>Reading pane</source>
        <translation>Volet de lecture</translation>
    </message>
</context>
<context>
    <name>GridModel</name>
    <message>
        <source>nothing stated</source>
        <translation>rien d&apos;indiqué</translation>
    </message>
    <message>
        <source>Press Enter to read the passages.</source>
        <translation>Appuyez sur Entrée pour lire les passages.</translation>
    </message>
</context>
<context>
    <name>GridView</name>
    <message>
        <source>● member. Other cells name what the texts state. Select a cell and press Enter (or double-click) to read the passages.</source>
        <translation>● membre. Les autres cases indiquent ce que disent les textes. Sélectionnez une case et appuyez sur Entrée (ou double-cliquez) pour lire les passages.</translation>
    </message>
    <message>
        <source>Countries and frameworks grid</source>
        <translation>Tableau des pays et des cadres de partenariat</translation>
    </message>
    <message>
        <source>Rows are countries, columns are frameworks and other relations</source>
        <translation>Les lignes sont les pays, les colonnes les cadres de partenariat et les autres relations</translation>
    </message>
</context>
<context>
    <name>ImportController</name>
    <message>
        <source>Reading files…</source>
        <translation>Lecture des fichiers…</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
    <message>
        <source>Importing documents</source>
        <translation>Importation des documents</translation>
    </message>
    <message>
        <source>Reading {name} ({done} of {total})</source>
        <translation>Lecture de {name} ({done} sur {total})</translation>
    </message>
    <message>
        <source>Import documents</source>
        <translation>Importer des documents</translation>
    </message>
    <message>
        <source>The documents could not be imported: {reason}</source>
        <translation>Les documents n’ont pas pu être importés : {reason}</translation>
    </message>
</context>
<context>
    <name>ImportReportDialog</name>
    <message>
        <source>Import report</source>
        <translation>Rapport d’importation</translation>
    </message>
    <message>
        <source>File</source>
        <translation>Fichier</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>Résultat</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>Détails</translation>
    </message>
    <message>
        <source>Not imported</source>
        <translation>Non importé</translation>
    </message>
    <message>
        <source>the import was cancelled</source>
        <translation>l’importation a été annulée</translation>
    </message>
    <message>
        <source>Imported</source>
        <translation>Importé</translation>
    </message>
    <message>
        <source>Already in the library</source>
        <translation>Déjà dans la bibliothèque</translation>
    </message>
    <message>
        <source>{title} — {count} passages</source>
        <translation>{title} — {count} passages</translation>
    </message>
    <message>
        <source>same content as {doc}</source>
        <translation>même contenu que {doc}</translation>
    </message>
    <message>
        <source>{imported} imported, {duplicates} already in the library, {refused} not imported</source>
        <translation>{imported} importés, {duplicates} déjà dans la bibliothèque, {refused} non importés</translation>
    </message>
    <message>
        <source> — cancelled, {count} files left</source>
        <translation> — annulé, {count} fichiers restants</translation>
    </message>
</context>
<context>
    <name>LibraryActions</name>
    <message>
        <source>An import is running; try again when it ends.</source>
        <translation>Une importation est en cours ; réessayez quand elle sera terminée.</translation>
    </message>
    <message>
        <source>Select an excerpt in the reader or a search result to save it.</source>
        <translation>Sélectionnez un extrait dans le lecteur ou un résultat de recherche pour l’enregistrer.</translation>
    </message>
    <message>
        <source>Remove imported document</source>
        <translation>Retirer un document importé</translation>
    </message>
    <message>
        <source>Remove “%1” from your library? The excerpts you saved from it stay in their collections.</source>
        <translation>Retirer « %1 » de votre bibliothèque ? Les extraits que vous en avez gardés restent dans leurs collections.</translation>
    </message>
    <message>
        <source>&amp;Import Documents…</source>
        <translation>&amp;Importer des documents…</translation>
    </message>
    <message>
        <source>Add text, Markdown, HTML or PDF files to your library</source>
        <translation>Ajouter des fichiers texte, Markdown, HTML ou PDF à votre bibliothèque</translation>
    </message>
    <message>
        <source>Import &amp;Folder…</source>
        <translation>Importer un &amp;dossier…</translation>
    </message>
    <message>
        <source>Add every document of a folder to your library</source>
        <translation>Ajouter tous les documents d’un dossier à votre bibliothèque</translation>
    </message>
    <message>
        <source>&amp;Remove Imported Document…</source>
        <translation>&amp;Retirer un document importé…</translation>
    </message>
    <message>
        <source>Take a document you imported out of your library</source>
        <translation>Retirer de votre bibliothèque un document importé</translation>
    </message>
    <message>
        <source>Save &amp;Excerpt to Collection…</source>
        <translation>Garder l’&amp;extrait dans une collection…</translation>
    </message>
    <message>
        <source>Keep the excerpt, with its citation, in a collection</source>
        <translation>Garder l’extrait, avec sa référence, dans une collection</translation>
    </message>
    <message>
        <source>Saved the excerpt to “%1”.</source>
        <translation>Extrait gardé dans « %1 ».</translation>
    </message>
    <message>
        <source>You have not imported any document.</source>
        <translation>Vous n’avez importé aucun document.</translation>
    </message>
    <message>
        <source>Document to remove:</source>
        <translation>Document à retirer :</translation>
    </message>
    <message>
        <source>Remove “%1” (%2) from your library? The excerpts you saved from it stay in their collections.</source>
        <translation>Retirer « %1 » (%2) de votre bibliothèque ? Les extraits que vous en avez gardés restent dans leurs collections.</translation>
    </message>
    <message>
        <source>Removed “%1” from your library.</source>
        <translation>« %1 » retiré de votre bibliothèque.</translation>
    </message>
    <message>
        <source>%1 saved excerpts from it are kept.</source>
        <translation>%1 extraits gardés de ce document sont conservés.</translation>
    </message>
    <message>
        <source>%1 imported, %2 already in the library, %3 not imported.</source>
        <translation>%1 importés, %2 déjà dans la bibliothèque, %3 non importés.</translation>
    </message>
    <message>
        <source>The documents could not be imported: %1</source>
        <translation>Les documents n’ont pas pu être importés : %1</translation>
    </message>
</context>
<context>
    <name>LibraryTreeModel</name>
    <message>
        <source>Library</source>
        <translation>Bibliothèque</translation>
    </message>
    <message>
        <source>Frameworks</source>
        <translation>Cadres de partenariat</translation>
    </message>
    <message>
        <source>Countries A–Z</source>
        <translation>Pays de A à Z</translation>
    </message>
    <message>
        <source>Organisations</source>
        <translation>Organisations</translation>
    </message>
    <message>
        <source>People</source>
        <translation>Personnes</translation>
    </message>
    <message>
        <source>Events</source>
        <translation>Événements</translation>
    </message>
    <message>
        <source>Documents</source>
        <translation>Documents</translation>
    </message>
    <message>
        <source>Collections</source>
        <translation>Collections</translation>
    </message>
    <message>
        <source>Rename, reorder or delete collections in the Collections tab.</source>
        <translation>Renommez, réordonnez ou supprimez les collections dans l’onglet Collections.</translation>
    </message>
    <message>
        <source>Excerpts: %1</source>
        <translation>Extraits : %1</translation>
    </message>
    <message>
        <source>Mentions in the texts: %1</source>
        <translation>Mentions dans les textes : %1</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>&amp;Back</source>
        <translation>&amp;Précédent</translation>
    </message>
    <message>
        <source>Go back to the previous page</source>
        <translation>Revenir à la page précédente</translation>
    </message>
    <message>
        <source>&amp;Forward</source>
        <translation>&amp;Suivant</translation>
    </message>
    <message>
        <source>Go forward again</source>
        <translation>Aller à la page suivante</translation>
    </message>
    <message>
        <source>&amp;Copy with Citation</source>
        <translation>&amp;Copier avec la citation</translation>
    </message>
    <message>
        <source>Copy the excerpt with its citation</source>
        <translation>Copier l&apos;extrait avec sa citation</translation>
    </message>
    <message>
        <source>Copy C&amp;itation</source>
        <translation>Copier la ré&amp;férence</translation>
    </message>
    <message>
        <source>Copy the document&apos;s reference</source>
        <translation>Copier la référence du document</translation>
    </message>
    <message>
        <source>&amp;Find in Texts</source>
        <translation>&amp;Rechercher dans les textes</translation>
    </message>
    <message>
        <source>Search the texts</source>
        <translation>Rechercher dans les textes</translation>
    </message>
    <message>
        <source>Filter the &amp;Library</source>
        <translation>Filtrer la &amp;bibliothèque</translation>
    </message>
    <message>
        <source>Narrow the library tree</source>
        <translation>Restreindre l&apos;arborescence de la bibliothèque</translation>
    </message>
    <message>
        <source>&amp;Preferences…</source>
        <translation>&amp;Préférences…</translation>
    </message>
    <message>
        <source>Text size, citations, language</source>
        <translation>Taille du texte, citations, langue</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Quitter</translation>
    </message>
    <message>
        <source>Quit natoapp</source>
        <translation>Quitter natoapp</translation>
    </message>
    <message>
        <source>&amp;Larger Text</source>
        <translation>Agrandir le &amp;texte</translation>
    </message>
    <message>
        <source>Make the reading text larger</source>
        <translation>Agrandir le texte de lecture</translation>
    </message>
    <message>
        <source>&amp;Smaller Text</source>
        <translation>&amp;Réduire le texte</translation>
    </message>
    <message>
        <source>Make the reading text smaller</source>
        <translation>Réduire le texte de lecture</translation>
    </message>
    <message>
        <source>&amp;Normal Text Size</source>
        <translation>Taille de texte &amp;normale</translation>
    </message>
    <message>
        <source>Reset the reading text size</source>
        <translation>Rétablir la taille du texte de lecture</translation>
    </message>
    <message>
        <source>Library &amp;Tree</source>
        <translation>&amp;Bibliothèque</translation>
    </message>
    <message>
        <source>Show the library tree</source>
        <translation>Afficher l&apos;arborescence de la bibliothèque</translation>
    </message>
    <message>
        <source>&amp;Search Results</source>
        <translation>Résultats de re&amp;cherche</translation>
    </message>
    <message>
        <source>Show the search results</source>
        <translation>Afficher les résultats de recherche</translation>
    </message>
    <message>
        <source>&amp;Reader</source>
        <translation>&amp;Lecture</translation>
    </message>
    <message>
        <source>Show the reading pane</source>
        <translation>Afficher le volet de lecture</translation>
    </message>
    <message>
        <source>Countries × &amp;Frameworks</source>
        <translation>Pays × cadr&amp;es</translation>
    </message>
    <message>
        <source>Show the grid</source>
        <translation>Afficher le tableau</translation>
    </message>
    <message>
        <source>&amp;Map</source>
        <translation>&amp;Carte</translation>
    </message>
    <message>
        <source>Show the map of partners by framework</source>
        <translation>Afficher la carte des partenaires par cadre</translation>
    </message>
    <message>
        <source>T&amp;imeline</source>
        <translation>C&amp;hronologie</translation>
    </message>
    <message>
        <source>Show events and documents in time</source>
        <translation>Afficher les événements et les documents dans le temps</translation>
    </message>
    <message>
        <source>Search &amp;Syntax</source>
        <translation>&amp;Syntaxe de recherche</translation>
    </message>
    <message>
        <source>How to write a search</source>
        <translation>Comment écrire une recherche</translation>
    </message>
    <message>
        <source>&amp;About natoapp</source>
        <translation>À &amp;propos de natoapp</translation>
    </message>
    <message>
        <source>Version, sources and licences</source>
        <translation>Version, sources et licences</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Fichier</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>&amp;Édition</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Affichage</translation>
    </message>
    <message>
        <source>&amp;Go</source>
        <translation>A&amp;ller</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>Ai&amp;de</translation>
    </message>
    <message>
        <source>Navigation</source>
        <translation>Navigation</translation>
    </message>
    <message>
        <source>Navigation toolbar</source>
        <translation>Barre de navigation</translation>
    </message>
    <message>
        <source>Library</source>
        <translation>Bibliothèque</translation>
    </message>
    <message>
        <source>Search</source>
        <translation>Recherche</translation>
    </message>
    <message>
        <source>Reader</source>
        <translation>Lecture</translation>
    </message>
    <message>
        <source>Countries × Frameworks</source>
        <translation>Pays × cadres</translation>
    </message>
    <message>
        <source>Map</source>
        <translation>Carte</translation>
    </message>
    <message>
        <source>Timeline</source>
        <translation>Chronologie</translation>
    </message>
    <message>
        <source>Library and search</source>
        <translation>Bibliothèque et recherche</translation>
    </message>
    <message>
        <source>Reader and grid</source>
        <translation>Lecture et tableau</translation>
    </message>
    <message>
        <source>Panes</source>
        <translation>Volets</translation>
    </message>
    <message>
        <source>Search results</source>
        <translation>Résultats de recherche</translation>
    </message>
    <message>
        <source>Database</source>
        <translation>Base de données</translation>
    </message>
    <message>
        <source>natoapp — NATO partnership frameworks</source>
        <translation>natoapp — cadres de partenariat de l&apos;OTAN</translation>
    </message>
    <message>
        <source>Copied the passage with its citation.</source>
        <translation>Passage copié avec sa citation.</translation>
    </message>
    <message>
        <source>Text size: %1 pt</source>
        <translation>Taille du texte : %1 pt</translation>
    </message>
    <message>
        <source>The language applies on restart.</source>
        <translation>La langue s&apos;appliquera au prochain démarrage.</translation>
    </message>
    <message>
        <source>Reading the library…</source>
        <translation>Lecture de la bibliothèque…</translation>
    </message>
    <message>
        <source>Ready.</source>
        <translation>Prêt.</translation>
    </message>
    <message>
        <source>Collections</source>
        <translation>Collections</translation>
    </message>
    <message>
        <source>&amp;Collections</source>
        <translation>&amp;Collections</translation>
    </message>
    <message>
        <source>Show your collections of excerpts</source>
        <translation>Afficher vos collections d’extraits</translation>
    </message>
    <message>
        <source>The library could not be read: %1</source>
        <translation>La bibliothèque n&apos;a pas pu être lue : %1</translation>
    </message>
    <message>
        <source>%1 documents · %2 passages</source>
        <translation>%1 documents · %2 passages</translation>
    </message>
</context>
<context>
    <name>MapLegend</name>
    <message>
        <source>{name}: no member named in the texts</source>
        <translation>{name} : aucun membre nommé dans les textes</translation>
    </message>
</context>
<context>
    <name>MapView</name>
    <message>
        <source>No framework membership stated in the texts.</source>
        <translation>Aucune appartenance à un cadre indiquée dans les textes.</translation>
    </message>
    <message>
        <source>Member of</source>
        <translation>Membre de</translation>
    </message>
    <message>
        <source>Not a member</source>
        <translation>Non membre</translation>
    </message>
    <message>
        <source>The map cannot be drawn: {reason}</source>
        <translation>La carte ne peut pas être dessinée : {reason}</translation>
    </message>
    <message>
        <source>Not on the map: {codes}</source>
        <translation>Absents de la carte : {codes}</translation>
    </message>
    <message>
        <source>Partnership frameworks of NATO</source>
        <translation>Cadres de partenariat de l’OTAN</translation>
    </message>
    <message>
        <source>Country shapes: Natural Earth (public domain).</source>
        <translation>Contours des pays : Natural Earth (domaine public).</translation>
    </message>
    <message>
        <source>Stripes: member of several frameworks. Blank: no membership stated.</source>
        <translation>Rayures : membre de plusieurs cadres. En blanc : aucune appartenance indiquée.</translation>
    </message>
    <message>
        <source>NATO member countries are not shaded: the texts do not list them.</source>
        <translation>Les pays membres de l’OTAN ne sont pas colorés : les textes n’en donnent pas la liste.</translation>
    </message>
    <message>
        <source>Shapes: Natural Earth (public domain).</source>
        <translation>Contours : Natural Earth (domaine public).</translation>
    </message>
    <message>
        <source>PNG image (*.png)</source>
        <translation>Image PNG (*.png)</translation>
    </message>
    <message>
        <source>SVG image (*.svg)</source>
        <translation>Image SVG (*.svg)</translation>
    </message>
    <message>
        <source>Save the map</source>
        <translation>Enregistrer la carte</translation>
    </message>
    <message>
        <source>Zoom in</source>
        <translation>Agrandir</translation>
    </message>
    <message>
        <source>Zoom in (wheel, Ctrl++)</source>
        <translation>Agrandir (molette, Ctrl++)</translation>
    </message>
    <message>
        <source>Zoom out</source>
        <translation>Réduire</translation>
    </message>
    <message>
        <source>Zoom out (wheel, Ctrl+-)</source>
        <translation>Réduire (molette, Ctrl+-)</translation>
    </message>
    <message>
        <source>Whole world</source>
        <translation>Monde entier</translation>
    </message>
    <message>
        <source>Show the whole world (Ctrl+0)</source>
        <translation>Afficher le monde entier (Ctrl+0)</translation>
    </message>
    <message>
        <source>Save PNG…</source>
        <translation>Enregistrer en PNG…</translation>
    </message>
    <message>
        <source>Save the map and its legend as a PNG image</source>
        <translation>Enregistrer la carte et sa légende en image PNG</translation>
    </message>
    <message>
        <source>Save SVG…</source>
        <translation>Enregistrer en SVG…</translation>
    </message>
    <message>
        <source>Save the map and its legend as SVG</source>
        <translation>Enregistrer la carte et sa légende en SVG</translation>
    </message>
    <message>
        <source>Partnership frameworks</source>
        <translation>Cadres de partenariat</translation>
    </message>
    <message>
        <source>Each partner country is coloured by the frameworks the texts make it a member of; stripes (or a dot&apos;s sectors) show each of them.</source>
        <translation>Chaque pays partenaire prend la couleur des cadres dont les textes le font membre ; des rayures (ou les secteurs d’un point) montrent chacun d’eux.</translation>
    </message>
    <message>
        <source>Blank: no membership stated in the texts.</source>
        <translation>En blanc : aucune appartenance indiquée dans les textes.</translation>
    </message>
    <message>
        <source>Small states are drawn as dots.</source>
        <translation>Les petits États sont dessinés par un point.</translation>
    </message>
    <message>
        <source>Click a country to open it. Scroll or Ctrl+plus/minus to zoom, drag or use the arrow keys to move.</source>
        <translation>Cliquez sur un pays pour l’ouvrir. Molette ou Ctrl+plus/moins pour agrandir, faites glisser ou utilisez les flèches pour vous déplacer.</translation>
    </message>
    <message>
        <source>World map of the partnership frameworks</source>
        <translation>Carte du monde des cadres de partenariat</translation>
    </message>
</context>
<context>
    <name>NavigatorTree</name>
    <message>
        <source>Filter the list…</source>
        <translation>Filtrer la liste…</translation>
    </message>
    <message>
        <source>Filter the library tree</source>
        <translation>Filtrer l&apos;arborescence de la bibliothèque</translation>
    </message>
    <message>
        <source>Type to narrow the tree; accents and case are ignored</source>
        <translation>Tapez pour restreindre l&apos;arborescence ; les accents et la casse sont ignorés</translation>
    </message>
    <message>
        <source>Library tree</source>
        <translation>Arborescence de la bibliothèque</translation>
    </message>
    <message>
        <source>Frameworks, countries, organisations, people, events and documents</source>
        <translation>Cadres de partenariat, pays, organisations, personnes, événements et documents</translation>
    </message>
</context>
<context>
    <name>PageRenderer</name>
    <message>
        <source>French: </source>
        <translation>Français : </translation>
    </message>
    <message>
        <source>English: </source>
        <translation>Anglais : </translation>
    </message>
    <message>
        <source>Other names and forms: </source>
        <translation>Autres noms et formes : </translation>
    </message>
    <message>
        <source>Part of: </source>
        <translation>Fait partie de : </translation>
    </message>
    <message>
        <source>Includes: </source>
        <translation>Comprend : </translation>
    </message>
    <message>
        <source>Read in the texts:</source>
        <translation>D&apos;après les textes :</translation>
    </message>
    <message>
        <source>Source:</source>
        <translation>Source :</translation>
    </message>
    <message>
        <source>Relations</source>
        <translation>Relations</translation>
    </message>
    <message>
        <source>The texts state no relation for this entry.</source>
        <translation>Les textes n&apos;indiquent aucune relation pour cette entrée.</translation>
    </message>
    <message>
        <source>Where the texts name it</source>
        <translation>Où les textes le nomment</translation>
    </message>
    <message>
        <source>No passage names this entry.</source>
        <translation>Aucun passage ne nomme cette entrée.</translation>
    </message>
    <message>
        <source>Passages naming it: %1 (newest document first)</source>
        <translation>Passages qui le nomment : %1 (document le plus récent d&apos;abord)</translation>
    </message>
    <message>
        <source>Show %1 more (%2 not shown yet)</source>
        <translation>En afficher %1 de plus (%2 pas encore affichés)</translation>
    </message>
    <message>
        <source>List more of the passages naming this entry</source>
        <translation>Lister d’autres passages qui nomment cette entrée</translation>
    </message>
    <message>
        <source>No quoted passage.</source>
        <translation>Aucun passage cité.</translation>
    </message>
    <message>
        <source>%1, %2, passage %3</source>
        <translation>%1, %2, passage %3</translation>
    </message>
    <message>
        <source>passage %1</source>
        <translation>passage %1</translation>
    </message>
    <message>
        <source>Open the document at this passage</source>
        <translation>Ouvrir le document à ce passage</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>Copier</translation>
    </message>
    <message>
        <source>Copy this excerpt with its citation</source>
        <translation>Copier cet extrait avec sa citation</translation>
    </message>
    <message>
        <source>updated %1</source>
        <translation>mis à jour le %1</translation>
    </message>
    <message>
        <source>Copy citation</source>
        <translation>Copier la référence</translation>
    </message>
    <message>
        <source>Copy the reference of this document</source>
        <translation>Copier la référence de ce document</translation>
    </message>
    <message>
        <source>Copy passage %1 with its citation</source>
        <translation>Copier le passage %1 avec sa citation</translation>
    </message>
    <message>
        <source>The texts state no such relation.</source>
        <translation>Les textes n&apos;indiquent pas une telle relation.</translation>
    </message>
</context>
<context>
    <name>PreferencesDialog</name>
    <message>
        <source>Title of the document</source>
        <translation>Titre du document</translation>
    </message>
    <message>
        <source>Publisher</source>
        <translation>Éditeur</translation>
    </message>
    <message>
        <source>Text of the quoted passage.</source>
        <translation>Texte du passage cité.</translation>
    </message>
    <message>
        <source>Preferences</source>
        <translation>Préférences</translation>
    </message>
    <message>
        <source>&amp;Text size:</source>
        <translation>&amp;Taille du texte :</translation>
    </message>
    <message>
        <source> pt</source>
        <translation> pt</translation>
    </message>
    <message>
        <source>Text size in points</source>
        <translation>Taille du texte en points</translation>
    </message>
    <message>
        <source>&amp;Copy citations as:</source>
        <translation>&amp;Copier les citations en :</translation>
    </message>
    <message>
        <source>Citation format</source>
        <translation>Format des citations</translation>
    </message>
    <message>
        <source>Preview:</source>
        <translation>Aperçu :</translation>
    </message>
    <message>
        <source>Citation preview</source>
        <translation>Aperçu de la citation</translation>
    </message>
    <message>
        <source>&amp;Language:</source>
        <translation>&amp;Langue :</translation>
    </message>
    <message>
        <source>Interface language</source>
        <translation>Langue de l&apos;interface</translation>
    </message>
    <message>
        <source>C&amp;olours:</source>
        <translation>C&amp;ouleurs :</translation>
    </message>
    <message>
        <source>Colour scheme</source>
        <translation>Jeu de couleurs</translation>
    </message>
    <message>
        <source>Accept or cancel</source>
        <translation>Valider ou annuler</translation>
    </message>
    <message>
        <source>Plain text</source>
        <translation>Texte brut</translation>
    </message>
    <message>
        <source>Markdown block quote</source>
        <translation>Citation en bloc Markdown</translation>
    </message>
    <message>
        <source>HTML</source>
        <translation>HTML</translation>
    </message>
    <message>
        <source>BibTeX entry</source>
        <translation>Entrée BibTeX</translation>
    </message>
    <message>
        <source>CSL-JSON</source>
        <translation>CSL-JSON</translation>
    </message>
    <message>
        <source>System language</source>
        <translation>Langue du système</translation>
    </message>
    <message>
        <source>As the system</source>
        <translation>Comme le système</translation>
    </message>
    <message>
        <source>Light</source>
        <translation>Clair</translation>
    </message>
    <message>
        <source>Dark</source>
        <translation>Sombre</translation>
    </message>
</context>
<context>
    <name>SaveExcerptDialog</name>
    <message>
        <source>Save excerpt</source>
        <translation>Garder l’extrait</translation>
    </message>
    <message>
        <source>Passage</source>
        <translation>Passage</translation>
    </message>
    <message>
        <source>Select the words to save; with nothing selected the whole passage is saved.</source>
        <translation>Sélectionnez les mots à garder ; sans sélection, tout le passage est gardé.</translation>
    </message>
    <message>
        <source>Collection</source>
        <translation>Collection</translation>
    </message>
    <message>
        <source>Excerpts</source>
        <translation>Extraits</translation>
    </message>
    <message>
        <source>Your note (optional)</source>
        <translation>Votre note (facultative)</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Note</translation>
    </message>
    <message>
        <source>&amp;Collection:</source>
        <translation>&amp;Collection :</translation>
    </message>
    <message>
        <source>&amp;Note:</source>
        <translation>&amp;Note :</translation>
    </message>
</context>
<context>
    <name>SearchBox</name>
    <message>
        <source>Search the texts (F1: syntax)</source>
        <translation>Rechercher dans les textes (F1 : syntaxe)</translation>
    </message>
    <message>
        <source>Search</source>
        <translation>Recherche</translation>
    </message>
    <message>
        <source>Words, &quot;phrase&quot;, prefix*, OR, -word</source>
        <translation>Mots, &quot;expression&quot;, préfixe*, OR, -mot</translation>
    </message>
</context>
<context>
    <name>SearchHelpDialog</name>
    <message>
        <source>Search help</source>
        <translation>Aide de la recherche</translation>
    </message>
    <message>
        <source>Search syntax</source>
        <translation>Syntaxe de recherche</translation>
    </message>
    <message>
        <source>Close search help</source>
        <translation>Fermer l&apos;aide de la recherche</translation>
    </message>
</context>
<context>
    <name>SearchPanel</name>
    <message>
        <source>Search results panel</source>
        <translation>Volet des résultats de recherche</translation>
    </message>
    <message>
        <source>Filter by framework</source>
        <translation>Filtrer par cadre de partenariat</translation>
    </message>
    <message>
        <source>Filter by country</source>
        <translation>Filtrer par pays</translation>
    </message>
    <message>
        <source>Filter by document</source>
        <translation>Filtrer par document</translation>
    </message>
    <message>
        <source>Filter by year</source>
        <translation>Filtrer par année</translation>
    </message>
    <message>
        <source>Search syntax help</source>
        <translation>Aide sur la syntaxe de recherche</translation>
    </message>
    <message>
        <source>How to write a search (F1)</source>
        <translation>Comment écrire une recherche (F1)</translation>
    </message>
    <message>
        <source>How the query was understood</source>
        <translation>Comment la recherche a été comprise</translation>
    </message>
    <message>
        <source>Number of results</source>
        <translation>Nombre de résultats</translation>
    </message>
    <message>
        <source>Search message</source>
        <translation>Message de la recherche</translation>
    </message>
    <message>
        <source>Search results</source>
        <translation>Résultats de recherche</translation>
    </message>
    <message>
        <source>Search syntax…</source>
        <translation>Syntaxe de recherche…</translation>
    </message>
    <message>
        <source>Copy reference</source>
        <translation>Copier la référence</translation>
    </message>
    <message>
        <source>All frameworks</source>
        <translation>Tous les cadres</translation>
    </message>
    <message>
        <source>All countries</source>
        <translation>Tous les pays</translation>
    </message>
    <message>
        <source>All documents</source>
        <translation>Tous les documents</translation>
    </message>
    <message>
        <source>All years</source>
        <translation>Toutes les années</translation>
    </message>
    <message>
        <source>This search could not be run: %1</source>
        <translation>Cette recherche n&apos;a pas pu être lancée : %1</translation>
    </message>
    <message>
        <source>No results</source>
        <translation>Aucun résultat</translation>
    </message>
    <message>
        <source>Searching…</source>
        <translation>Recherche en cours…</translation>
    </message>
    <message>
        <source>Type words to search the texts, for example: Koweït, &quot;Dialogue méditerranéen&quot;, coopér*, Qatar OR Bahreïn. Or choose a framework, a country, a document or a year above.</source>
        <translation>Tapez des mots pour chercher dans les textes, par exemple : Koweït, &quot;Dialogue méditerranéen&quot;, coopér*, Qatar OR Bahreïn. Ou choisissez un cadre, un pays, un document ou une année ci-dessus.</translation>
    </message>
    <message>
        <source>No passage matches these filters.</source>
        <translation>Aucun passage ne correspond à ces filtres.</translation>
    </message>
    <message>
        <source>Nothing found for “%1”. Check the spelling, remove a filter, or see the search syntax.</source>
        <translation>Rien trouvé pour « %1 ». Vérifiez l&apos;orthographe, retirez un filtre ou consultez la syntaxe de recherche.</translation>
    </message>
    <message>
        <source>Did you mean:</source>
        <translation>Vouliez-vous dire :</translation>
    </message>
    <message>
        <source>Search for %1</source>
        <translation>Rechercher %1</translation>
    </message>
    <message>
        <source>Search result actions</source>
        <translation>Actions sur le résultat</translation>
    </message>
    <message>
        <source>Open passage</source>
        <translation>Ouvrir le passage</translation>
    </message>
    <message>
        <source>Save to Collection…</source>
        <translation>Garder dans une collection…</translation>
    </message>
    <message>
        <source>Show %1</source>
        <translation>Afficher %1</translation>
    </message>
    <message>
        <source>this passage is no longer in the library</source>
        <translation>ce passage n&apos;est plus dans la bibliothèque</translation>
    </message>
    <message>
        <source>Copied passage %1 with its citation.</source>
        <translation>Passage %1 copié avec sa citation.</translation>
    </message>
    <message>
        <source>Copied the reference.</source>
        <translation>Référence copiée.</translation>
    </message>
    <message>
        <source>Nothing copied: %1</source>
        <translation>Rien n&apos;a été copié : %1</translation>
    </message>
</context>
<context>
    <name>SearchResultsModel</name>
    <message>
        <source>n.d.</source>
        <translation>s. d.</translation>
    </message>
    <message>
        <source>No results</source>
        <translation>Aucun résultat</translation>
    </message>
    <message>
        <source>1 passage</source>
        <translation>1 passage</translation>
    </message>
    <message>
        <source>%1 passages</source>
        <translation>%1 passages</translation>
    </message>
    <message>
        <source>%1 — best of the newest %2 first</source>
        <translation>%1 — les meilleurs des %2 plus récents d’abord</translation>
    </message>
    <message>
        <source>in 1 document</source>
        <translation>dans 1 document</translation>
    </message>
    <message>
        <source>in %1 documents</source>
        <translation>dans %1 documents</translation>
    </message>
    <message>
        <source>via %1</source>
        <translation>via %1</translation>
    </message>
    <message>
        <source>via %1 → %2</source>
        <translation>via %1 → %2</translation>
    </message>
</context>
<context>
    <name>TimelineView</name>
    <message>
        <source>Events and documents of NATO&apos;s partnerships</source>
        <translation>Événements et documents des partenariats de l’OTAN</translation>
    </message>
    <message>
        <source>Dated events and documents, one lane per framework.</source>
        <translation>Événements et documents datés, une ligne par cadre.</translation>
    </message>
    <message>
        <source>PNG image (*.png)</source>
        <translation>Image PNG (*.png)</translation>
    </message>
    <message>
        <source>SVG image (*.svg)</source>
        <translation>Image SVG (*.svg)</translation>
    </message>
    <message>
        <source>Save the timeline</source>
        <translation>Enregistrer la chronologie</translation>
    </message>
    <message>
        <source>events: {names}</source>
        <translation>événements : {names}</translation>
    </message>
    <message>
        <source>documents: {names}</source>
        <translation>documents : {names}</translation>
    </message>
    <message>
        <source>Not on the axis, as the texts give no date — {list}.</source>
        <translation>Hors de l’axe, faute de date dans les textes — {list}.</translation>
    </message>
    <message>
        <source>Zoom in</source>
        <translation>Agrandir</translation>
    </message>
    <message>
        <source>Zoom in time (wheel, +)</source>
        <translation>Agrandir dans le temps (molette, +)</translation>
    </message>
    <message>
        <source>Zoom out</source>
        <translation>Réduire</translation>
    </message>
    <message>
        <source>Zoom out in time (wheel, -)</source>
        <translation>Réduire dans le temps (molette, -)</translation>
    </message>
    <message>
        <source>All years</source>
        <translation>Toutes les années</translation>
    </message>
    <message>
        <source>Show the whole time span (Ctrl+0)</source>
        <translation>Afficher toute la période (Ctrl+0)</translation>
    </message>
    <message>
        <source>Save PNG…</source>
        <translation>Enregistrer en PNG…</translation>
    </message>
    <message>
        <source>Save the whole timeline as a PNG image</source>
        <translation>Enregistrer toute la chronologie en image PNG</translation>
    </message>
    <message>
        <source>Save SVG…</source>
        <translation>Enregistrer en SVG…</translation>
    </message>
    <message>
        <source>Save the whole timeline as SVG</source>
        <translation>Enregistrer toute la chronologie en SVG</translation>
    </message>
    <message>
        <source>◆ an event dated to the day; ▬ an event the texts date by month, year or range of days (the bar covers it); ▯ a document. Hover a mark for the passage that dates it; click to open it. Wheel or +/- to zoom in time, drag to move.</source>
        <translation>◆ un événement daté au jour près ; ▬ un événement que les textes datent au mois, à l’année ou sur plusieurs jours (la barre le couvre) ; ▯ un document. Survolez une marque pour voir le passage qui la date ; cliquez pour l’ouvrir. Molette ou +/- pour agrandir dans le temps, faites glisser pour vous déplacer.</translation>
    </message>
    <message>
        <source>Timeline of events and documents</source>
        <translation>Chronologie des événements et des documents</translation>
    </message>
</context>
<context>
    <name>app</name>
    <message>
        <source>natoapp</source>
        <translation>natoapp</translation>
    </message>
    <message>
        <source>Preparing the library…</source>
        <translation>Préparation de la bibliothèque…</translation>
    </message>
    <message>
        <source>Preparing the library</source>
        <translation>Préparation de la bibliothèque</translation>
    </message>
    <message>
        <source>The library could not be opened: %1</source>
        <translation>La bibliothèque n&apos;a pas pu être ouverte : %1</translation>
    </message>
    <message>
        <source>Building the library from the source texts…</source>
        <translation>Construction de la bibliothèque à partir des textes sources…</translation>
    </message>
</context>
<context>
    <name>errors</name>
    <message>
        <source>Unexpected error</source>
        <translation>Erreur inattendue</translation>
    </message>
    <message>
        <source>Something went wrong, but your work is safe. The details are in the log.</source>
        <translation>Un problème est survenu, mais rien n&apos;est perdu. Les détails sont dans le journal.</translation>
    </message>
</context>
<context>
    <name>labels</name>
    <message>
        <source>Partnership framework</source>
        <translation>Cadre de partenariat</translation>
    </message>
    <message>
        <source>Country</source>
        <translation>Pays</translation>
    </message>
    <message>
        <source>Organisation</source>
        <translation>Organisation</translation>
    </message>
    <message>
        <source>Person</source>
        <translation>Personne</translation>
    </message>
    <message>
        <source>Event</source>
        <translation>Événement</translation>
    </message>
    <message>
        <source>Member of</source>
        <translation>Membre de</translation>
    </message>
    <message>
        <source>Aspires to join</source>
        <translation>Aspire à rejoindre</translation>
    </message>
    <message>
        <source>Intends to join</source>
        <translation>Compte rejoindre</translation>
    </message>
    <message>
        <source>Took part in</source>
        <translation>A participé à</translation>
    </message>
    <message>
        <source>Contributed to</source>
        <translation>A contribué à</translation>
    </message>
    <message>
        <source>Opened a mission to</source>
        <translation>A ouvert une mission auprès de</translation>
    </message>
    <message>
        <source>Attended</source>
        <translation>A assisté à</translation>
    </message>
    <message>
        <source>Cooperates with</source>
        <translation>Coopère avec</translation>
    </message>
    <message>
        <source>Members</source>
        <translation>Membres</translation>
    </message>
    <message>
        <source>Aspiring members</source>
        <translation>Candidats à l&apos;adhésion</translation>
    </message>
    <message>
        <source>Intending to join</source>
        <translation>Comptent rejoindre</translation>
    </message>
    <message>
        <source>Participants</source>
        <translation>Participants</translation>
    </message>
    <message>
        <source>Contributors</source>
        <translation>Contributeurs</translation>
    </message>
    <message>
        <source>Missions opened by</source>
        <translation>Missions ouvertes par</translation>
    </message>
    <message>
        <source>Attended by</source>
        <translation>Participants</translation>
    </message>
    <message>
        <source>Cooperating with it</source>
        <translation>Coopèrent avec lui</translation>
    </message>
    <message>
        <source>n.d.</source>
        <translation>s. d.</translation>
    </message>
</context>
</TS>
