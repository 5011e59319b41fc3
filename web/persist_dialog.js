// The encrypted-workspace dialog (an HTML <dialog> over the canvas, so password managers and screen
// readers see a real form) and the glue between web/persist.js and the page controller: which sources
// get stored, flagged or deleted as the Sources panel changes, and the restore on unlock. Owns the
// dialog's French and English texts. Does not own the storage format or the crypto (persist.js), nor
// the list of sources (main.js hands its hooks in).
import { Workspace, WrongPassphrase, ArchiveError, ARCHIVE_EXT, readArchive, storageReport } from './persist.js';

const TEXT = {
  fr: {
    enable_title: 'Garder mon espace de travail sur cet appareil (chiffré)',
    enable_text: 'Vos fichiers seront enregistrés dans ce navigateur, chiffrés (AES-GCM 256) avec une clé tirée de la phrase de passe que vous choisissez. Sans elle, personne ne peut les relire — nous non plus\u00a0: si vous l’oubliez, l’espace est perdu. Sur un ordinateur partagé ou prêté, mieux vaut ne rien garder.',
    pass: 'Phrase de passe', pass2: 'La même, une seconde fois',
    enable_ok: 'Chiffrer et garder', cancel: 'Annuler', close: 'Fermer',
    short: 'Au moins 8 caractères, s’il vous plaît.', mismatch: 'Les deux phrases de passe ne sont pas identiques.',
    unlock_title: 'Rouvrir mon espace (phrase de passe)',
    unlock_text: 'Un espace de travail chiffré est enregistré sur cet appareil. Entrez sa phrase de passe pour le rouvrir.',
    unlock_ok: 'Rouvrir', later: 'Pas maintenant',
    wrong: 'Phrase de passe incorrecte\u00a0: l’espace n’est pas ouvert, rien n’a été effacé. Vous pouvez réessayer.',
    failed: 'L’espace enregistré n’a pas pu être ouvert\u00a0: ',
    in_use: 'Cet espace est déjà ouvert dans un autre onglet de ce navigateur\u00a0: fermez-le (ou continuez là-bas), puis réessayez. Rien n’a été modifié.',
    damaged: (f) => `L’espace enregistré est endommagé («\u00a0${f}\u00a0» a été modifié ou tronqué)\u00a0: il reste fermé et rien n’a été effacé.`,
    unavailable: 'Ce navigateur ne permet pas d’enregistrer des fichiers (stockage désactivé ou navigation privée).',
    forget: 'Tout oublier…', forget_title: 'Tout oublier sur cet appareil\u202f?',
    forget_text: 'L’espace chiffré et tout ce que l’application a enregistré dans ce navigateur (y compris sa copie hors ligne) seront effacés. Vos fichiers d’origine ne sont pas touchés ; ce qui est ouvert dans cet onglet y reste jusqu’à sa fermeture.',
    forget_ok: 'Tout oublier', forgotten: 'Tout est oublié\u00a0: ce navigateur ne garde plus rien de l’application.',
    on_title: 'Espace enregistré sur cet appareil (chiffré)',
    on_text: (n, size) => `${n} fichier${n > 1 ? 's' : ''} (${size}) chiffré${n > 1 ? 's' : ''} dans ce navigateur. Chaque fichier ajouté y est enregistré, chaque fichier retiré en est effacé.`,
    workshop: 'En mode atelier, rien n’est gardé sur cet ordinateur\u00a0: l’espace chiffré n’est pas proposé.',
    encrypting: 'Chiffrement…', checking: 'Vérification de la phrase de passe…',
    missing: (names) => `Espace rouvert, sauf ${names.map((n) => `«\u00a0${n}\u00a0»`).join(', ')}\u00a0: la page s’est fermée pendant ${names.length > 1 ? 'leur' : 'son'} enregistrement, ${names.length > 1 ? 'ils n’ont pas été gardés' : 'il n’a pas été gardé'} (non enregistré${names.length > 1 ? 's' : ''}). Le reste est intact. Rouvrez ${names.length > 1 ? 'ces fichiers' : 'ce fichier'} pour ${names.length > 1 ? 'les' : 'le'} garder.`,
    forget_resumed: 'L’effacement demandé lors d’une visite précédente avait été interrompu (page fermée)\u00a0: il est maintenant terminé. Ce navigateur ne garde plus rien de l’application.',
    export: 'Exporter mon espace (fichier chiffré)…', import: 'Importer un espace chiffré…',
    exporting: 'Préparation du fichier chiffré…',
    exported: (name, n, size) => `«\u00a0${name}\u00a0» est prêt (${n} fichier${n > 1 ? 's' : ''}, ${size})\u00a0: votre navigateur l’enregistre avec vos téléchargements. Il se rouvre sur tout appareil avec la phrase de passe de cet espace («\u00a0Importer un espace chiffré…\u00a0»).`,
    export_damaged: (f) => `L’export est impossible\u00a0: «\u00a0${f}\u00a0» est endommagé dans l’espace enregistré. Aucun fichier n’a été produit, rien n’a été effacé.`,
    import_title: 'Importer un espace chiffré (fichier .sdwcartable)',
    import_text: (on) => 'Choisissez le fichier exporté depuis un autre navigateur ou appareil («\u00a0Exporter mon espace\u00a0») et entrez la phrase de passe de l’espace d’où il vient. Il est vérifié en entier avant que ses fichiers ne soient rouverts ici\u202f; rien de ce qui est déjà ouvert ou enregistré n’est modifié.' +
      (on ? ' Ses fichiers seront aussi enregistrés dans l’espace chiffré de cet appareil.' : ''),
    import_file: 'Fichier de l’espace exporté (.sdwcartable)', import_pass: 'Phrase de passe de ce fichier',
    import_ok: 'Vérifier et importer', back: 'Retour', no_file: 'Choisissez d’abord le fichier à importer.',
    importing: 'Vérification du fichier…',
    imported: (n, m) => `${n} fichier${n > 1 ? 's' : ''} importé${n > 1 ? 's' : ''}` + ({
      on: `\u202f; ${n > 1 ? 'ils sont enregistrés' : 'il est enregistré'} dans l’espace chiffré de cet appareil dès ${n > 1 ? 'qu’ils sont relus' : 'qu’il est relu'}.`,
      enable: `. Pour ${n > 1 ? 'les' : 'le'} garder sur cet appareil, choisissez une phrase de passe ci-dessous.`,
      unlock: `\u00a0: ${n > 1 ? 'ils seront enregistrés' : 'il sera enregistré'} dans l’espace de cet appareil quand vous l’aurez rouvert.` }[m] || '.'),
    where: (w) => w.part === 'chunk' ? `le morceau ${w.chunk} sur ${w.chunks} de «\u00a0${w.name}\u00a0»` :
      { header: 'l’en-tête', manifest: 'la liste des fichiers', end: 'la marque de fin' }[w.part],
    archive: {
      'archive.not_archive': () => 'Ce fichier n’est pas un espace exporté par Self Data Workbench (fichier .sdwcartable)\u00a0: rien n’a été importé.',
      'archive.version': (e) => `Ce fichier vient d’une version plus récente de l’application (format ${e.version})\u00a0: mettez-la à jour pour l’importer. Rien n’a été importé.`,
      'archive.wrong_passphrase': () => 'Phrase de passe incorrecte pour ce fichier\u00a0: rien n’a été importé, rien n’a changé. Vous pouvez réessayer.',
      'archive.header_damaged': (e, t, num) => `Le fichier est endommagé\u00a0: son en-tête (à l’octet ${num(e.offset)}) a été modifié, il ne peut pas être ouvert. Rien n’a été importé\u202f; ce qui est ouvert ou enregistré ici est intact.`,
      'archive.truncated': (e, t, num) => `Le fichier est incomplet (tronqué)\u00a0: il s’arrête à l’octet ${num(e.offset)}, dans ${t.where(e.where)}. Rien n’a été importé\u202f; ce qui est ouvert ou enregistré ici est intact.`,
      'archive.damaged': (e, t, num) => `Le fichier est endommagé\u00a0: ${t.where(e.where)} (à l’octet ${num(e.offset)}) a été modifié. Rien n’a été importé\u202f; ce qui est ouvert ou enregistré ici est intact.`,
      'archive.trailing': (e, t, num) => `Le fichier est endommagé\u00a0: des octets ont été ajoutés après sa fin (à l’octet ${num(e.offset)}). Rien n’a été importé\u202f; ce qui est ouvert ou enregistré ici est intact.`,
    },
  },
  en: {
    enable_title: 'Keep my workspace on this device (encrypted)',
    enable_text: 'Your files will be kept in this browser, encrypted (AES-GCM 256) with a key derived from a passphrase you choose. Without it nobody can read them — not us either: if you forget it, the workspace is lost. On a shared or borrowed computer, better keep nothing.',
    pass: 'Passphrase', pass2: 'The same once more',
    enable_ok: 'Encrypt and keep', cancel: 'Cancel', close: 'Close',
    short: 'At least 8 characters, please.', mismatch: 'The two passphrases differ.',
    unlock_title: 'Reopen my workspace (passphrase)',
    unlock_text: 'An encrypted workspace is saved on this device. Enter its passphrase to reopen it.',
    unlock_ok: 'Reopen', later: 'Not now',
    wrong: 'Wrong passphrase: the workspace stays closed and nothing was erased. You can try again.',
    failed: 'The saved workspace could not be opened: ',
    in_use: 'This workspace is already open in another tab of this browser: close it (or carry on there), then try again. Nothing was changed.',
    damaged: (f) => `The saved workspace is damaged (“${f}” was altered or cut short): it stays closed and nothing was erased.`,
    unavailable: 'This browser cannot store files (storage disabled or private browsing).',
    forget: 'Forget everything…', forget_title: 'Forget everything on this device?',
    forget_text: 'The encrypted workspace and everything the app stored in this browser (its offline copy too) will be erased. Your original files are not touched; what is open in this tab stays until you close it.',
    forget_ok: 'Forget everything', forgotten: 'Everything is forgotten: this browser keeps nothing of the app.',
    on_title: 'Workspace saved on this device (encrypted)',
    on_text: (n, size) => `${n} file${n > 1 ? 's' : ''} (${size}) encrypted in this browser. Each file you add is saved, each file you remove is erased.`,
    workshop: 'In workshop mode nothing is kept on this computer: the encrypted workspace is not offered.',
    encrypting: 'Encrypting…', checking: 'Checking the passphrase…',
    missing: (names) => `Workspace reopened, except ${names.map((n) => `“${n}”`).join(', ')}: the page closed while ${names.length > 1 ? 'they were' : 'it was'} being saved, so ${names.length > 1 ? 'they were' : 'it was'} not kept (not saved). Everything else is intact. Open ${names.length > 1 ? 'these files' : 'this file'} again to keep ${names.length > 1 ? 'them' : 'it'}.`,
    forget_resumed: 'The erasing you asked for on an earlier visit had been interrupted (page closed): it is now finished. This browser keeps nothing of the app.',
    export: 'Export my workspace (encrypted file)…', import: 'Import an encrypted workspace…',
    exporting: 'Preparing the encrypted file…',
    exported: (name, n, size) => `“${name}” is ready (${n} file${n > 1 ? 's' : ''}, ${size}): your browser saves it with your downloads. It reopens on any device with this workspace’s passphrase (“Import an encrypted workspace…”).`,
    export_damaged: (f) => `Export impossible: “${f}” is damaged in the saved workspace. No file was produced, nothing was erased.`,
    import_title: 'Import an encrypted workspace (.sdwcartable file)',
    import_text: (on) => 'Choose the file exported from another browser or device (“Export my workspace”) and enter the passphrase of the workspace it comes from. It is checked whole before its files are reopened here; nothing already open or saved is changed.' +
      (on ? ' Its files will also be saved in this device’s encrypted workspace.' : ''),
    import_file: 'Exported workspace file (.sdwcartable)', import_pass: 'Passphrase of this file',
    import_ok: 'Check and import', back: 'Back', no_file: 'Choose the file to import first.',
    importing: 'Checking the file…',
    imported: (n, m) => `${n} file${n > 1 ? 's' : ''} imported` + ({
      on: `; ${n > 1 ? 'they are' : 'it is'} saved in this device’s encrypted workspace as soon as ${n > 1 ? 'they are' : 'it is'} read again.`,
      enable: `. To keep ${n > 1 ? 'them' : 'it'} on this device, choose a passphrase below.`,
      unlock: `: ${n > 1 ? 'they' : 'it'} will be saved in this device’s workspace once you reopen it.` }[m] || '.'),
    where: (w) => w.part === 'chunk' ? `chunk ${w.chunk} of ${w.chunks} of “${w.name}”` :
      { header: 'the header', manifest: 'the list of files', end: 'the end mark' }[w.part],
    archive: {
      'archive.not_archive': () => 'This file is not a workspace exported by Self Data Workbench (.sdwcartable file): nothing was imported.',
      'archive.version': (e) => `This file comes from a newer version of the app (format ${e.version}): update it to import the file. Nothing was imported.`,
      'archive.wrong_passphrase': () => 'Wrong passphrase for this file: nothing was imported, nothing changed. You can try again.',
      'archive.header_damaged': (e, t, num) => `The file is damaged: its header (at byte ${num(e.offset)}) was altered, it cannot be opened. Nothing was imported; what is open or saved here is intact.`,
      'archive.truncated': (e, t, num) => `The file is incomplete (truncated): it stops at byte ${num(e.offset)}, in ${t.where(e.where)}. Nothing was imported; what is open or saved here is intact.`,
      'archive.damaged': (e, t, num) => `The file is damaged: ${t.where(e.where)} (at byte ${num(e.offset)}) was altered. Nothing was imported; what is open or saved here is intact.`,
      'archive.trailing': (e, t, num) => `The file is damaged: bytes were added after its end (at byte ${num(e.offset)}). Nothing was imported; what is open or saved here is intact.`,
    },
  },
};

const sizeText = (lang, n) => {
  const u = lang === 'fr' ? ['o', 'Ko', 'Mo', 'Go'] : ['B', 'KB', 'MB', 'GB'];
  let i = 0;
  while (n >= 1024 && i < 3) { n /= 1024; i++; }
  const s = (i ? n.toFixed(1) : String(n));
  return `${lang === 'fr' ? s.replace('.', ',') : s} ${u[i]}`;
};

const today = () => { const d = new Date(); return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`; };

// Saves a Blob as a download through a temporary object URL (the bytes never leave the browser).
function saveBlob(blob, fileName) {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url; a.download = fileName; a.hidden = true;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 120000);
}

// page: { state, addFiles(files, sample, restored), pushState }. Returns the hooks main.js calls as
// sources come and go, open(mode) for the Sources panel's button, and the test API.
export function setupPersistence(page) {
  const { state } = page;
  const ws = new Workspace();
  const T = () => TEXT[state.lang === 'en' ? 'en' : 'fr'];
  const publish = () => {
    state.persist = { available: !!ws.backend, stored: ws.stored, on: ws.enabled, locked: ws.locked, busy: ws.busy > 0 };
    page.pushState();
  };

  // ---------------------------------------------------------------- sources <-> stored objects
  function store(s) {
    if (!ws.enabled || s.stored_oid || s.persisting || !s.original) return null;
    s.persisting = ws.store({ file: s.original, name: s.name, sample: s.sample }).then(async (oid) => {
      s.stored_oid = oid;
      if (s.persist_gone) await ws.drop(oid);
      else if (s.persist_removed) await ws.markRemoved(oid, true);
    }).catch((e) => { state.persist_error = String(e && e.message || e); })
      .finally(() => { s.persisting = null; publish(); });
    publish();
    return s.persisting;
  }
  const hooks = {
    sourceReady: (s) => store(s),
    // removed with an undo window: flagged; without one (not ready): gone
    sourceRemoved(s, undoable) {
      if (!undoable) return hooks.sourceGone(s);
      s.persist_removed = true;
      if (s.stored_oid) ws.markRemoved(s.stored_oid, true).then(publish);
    },
    sourceRestored(s) {
      s.persist_removed = false;
      if (s.stored_oid) ws.markRemoved(s.stored_oid, false).then(publish);
      else store(s);
    },
    sourceGone(s) {
      s.persist_gone = true;
      if (s.stored_oid) ws.drop(s.stored_oid).then(publish);
    },
  };
  const storeAll = async () => {
    for (const s of state.sources) if (s.status === 'ready') await store(s);
  };

  // ---------------------------------------------------------------- the app's settings
  // The app (wasm/app_platform_web.cpp settings_changed) says when the person's decisions change; they are
  // kept with the workspace when it is on, and given back to the app when it is reopened.
  let settings = null;
  globalThis.sdwSettingsChanged = (json) => {
    settings = JSON.parse(json);
    if (ws.enabled) ws.saveSettings(settings).then(publish);
  };
  const giveToApp = (value) => {
    const M = globalThis.Module;
    if (!value || !M || !M._app_apply_settings) return;
    const text = JSON.stringify(value), n = M.lengthBytesUTF8(text) + 1, p = M._malloc(n);
    M.stringToUTF8(text, p, n);
    try { M._app_apply_settings(p); } finally { M._free(p); }
  };

  async function enable(pass) {
    await ws.enable(pass);
    publish();
    if (settings) await ws.saveSettings(settings);
    await storeAll();
    await ws.queue;
    publish();
    return true;
  }

  // Correct passphrase: the stored files go back through the normal path (they are parsed again and
  // appear in the Sources panel); sources opened before unlocking are stored too.
  async function unlock(pass) {
    const list = await ws.unlock(pass);
    giveToApp(ws.settings);
    publish();
    const ids = [];
    for (const x of list) ids.push(...page.addFiles([x.file], x.sample, [{ name: x.name, oid: x.oid }]));
    // Sources whose store a closed page cut short are named (the rest is reopened); else the form closes.
    if (ws.missing.length) open('on', T().missing(ws.missing), 'warn');
    else if (dlg.open && mode === 'unlock') dlg.close();
    await storeAll();
    return ids;
  }

  // "Exporter mon espace (fichier chiffré)…": the stored workspace as one encrypted download.
  async function exportArchive() {
    const r = await ws.exportArchive();
    const name = `${state.lang === 'en' ? 'my-workspace' : 'mon-espace'}-${today()}.${ARCHIVE_EXT}`;
    saveBlob(r.blob, name);
    return { name, sources: r.sources, bytes: r.bytes, size: r.blob.size };
  }

  // "Importer un espace chiffré…": the archive is read and checked whole (readArchive throws
  // ArchiveError, having added nothing), then its files go through the normal parse path, as on a
  // reopening; with the workspace on, they are stored in it as they become ready.
  async function importArchive(file, passphrase) {
    const r = await readArchive(file, passphrase);
    if (r.settings && !settings) {
      settings = r.settings;
      giveToApp(r.settings);
      if (ws.enabled) await ws.saveSettings(r.settings);
    }
    const ids = [];
    for (const x of r.sources) ids.push(...page.addFiles([x.file], x.sample, [{ name: x.name, oid: null }]));
    publish();
    return ids;
  }

  async function forget() {
    const left = await ws.forget();
    for (const s of state.sources) { s.stored_oid = null; }
    publish();
    return left;
  }

  // ---------------------------------------------------------------- dialog
  const dlg = document.getElementById('persist-dialog');
  const $ = (id) => document.getElementById(id);
  const form = $('persist-form'), pass = $('persist-pass'), pass2 = $('persist-pass2'), msg = $('persist-msg');
  // The archive's file input, and the export and import buttons, are added to the form here.
  const fileRow = document.createElement('div');
  fileRow.id = 'persist-file-row'; fileRow.className = 'row'; fileRow.hidden = true;
  const fileLabel = document.createElement('label');
  fileLabel.id = 'persist-file-label'; fileLabel.htmlFor = 'persist-file';
  const fileInput = document.createElement('input');
  fileInput.type = 'file'; fileInput.id = 'persist-file'; fileInput.accept = '.' + ARCHIVE_EXT;
  fileRow.append(fileLabel, fileInput);
  $('persist-pass-row').before(fileRow);
  const mkButton = (id) => { const b = document.createElement('button'); b.type = 'button'; b.id = id; b.hidden = true; return b; };
  const exportBtn = mkButton('persist-export'), importBtn = mkButton('persist-import');
  form.querySelector('.buttons .spacer').before(exportBtn, importBtn);
  let mode = null;
  let importFrom = null;   // the form the import was started from (it returns there)
  // Keys typed in the dialog are the form's: GLFW listens on window and would take them (and it
  // swallows Backspace and Tab).
  for (const type of ['keydown', 'keyup', 'keypress']) dlg.addEventListener(type, (e) => e.stopPropagation());

  function render(m, message = '', kind = '') {
    mode = m;
    const t = T();
    dlg.lang = state.lang;
    const show = (el, on) => { el.hidden = !on; };
    const titles = { enable: t.enable_title, unlock: t.unlock_title, on: t.on_title, forget: t.forget_title,
                     workshop: t.enable_title, unavailable: t.enable_title, forgotten: t.forget_title, import: t.import_title };
    $('persist-title').textContent = titles[m];
    let text = { enable: t.enable_text, unlock: t.unlock_text, forget: t.forget_text, workshop: t.workshop,
                 unavailable: t.unavailable, forgotten: ws.resumed ? t.forget_resumed : t.forgotten, import: t.import_text(ws.enabled) }[m] || '';
    if (m === 'on') {
      const n = ws.manifest ? ws.manifest.sources.filter((x) => !x.removed).length : 0;
      text = t.on_text(n, sizeText(state.lang, ws.manifest ? ws.manifest.sources.reduce((a, x) => a + (x.removed ? 0 : x.size), 0) : 0));
    }
    $('persist-text').textContent = text;
    $('persist-pass-label').textContent = m === 'import' ? t.import_pass : t.pass;
    $('persist-pass2-label').textContent = t.pass2;
    fileLabel.textContent = t.import_file;
    const withPass = m === 'enable' || m === 'unlock' || m === 'import';
    show($('persist-pass-row'), withPass);
    show($('persist-pass2-row'), m === 'enable');
    show(fileRow, m === 'import');
    // The archive's passphrase is not this device's: password managers should not fill it in.
    pass.autocomplete = m === 'enable' ? 'new-password' : m === 'import' ? 'off' : 'current-password';
    pass2.autocomplete = 'new-password';
    const ok = $('persist-ok'), cancel = $('persist-cancel'), fg = $('persist-forget');
    ok.textContent = { enable: t.enable_ok, unlock: t.unlock_ok, forget: t.forget_ok, import: t.import_ok }[m] || '';
    show(ok, ['enable', 'unlock', 'forget', 'import'].includes(m));
    ok.classList.toggle('danger', m === 'forget');
    cancel.textContent = m === 'unlock' ? t.later : m === 'import' ? t.back : (['enable', 'forget'].includes(m) ? t.cancel : t.close);
    fg.textContent = t.forget;
    show(fg, m === 'unlock' || m === 'on');
    exportBtn.textContent = t.export;
    importBtn.textContent = t.import;
    show(exportBtn, m === 'on');
    show(importBtn, ['enable', 'unlock', 'on', 'workshop'].includes(m));   // an import keeps nothing on the computer by itself
    msg.textContent = message;
    msg.className = kind;
  }

  const home = () => (state.workshop ? 'workshop' : !ws.backend ? 'unavailable' : ws.locked ? 'unlock' : ws.enabled ? 'on' : 'enable');
  function open(m = null, message = '', kind = '') {
    if (!m) m = home();
    pass.value = ''; pass2.value = '';
    if (m === 'import') fileInput.value = '';
    render(m, message, kind);
    if (!dlg.open) dlg.showModal();
    (m === 'import' ? fileInput : m === 'enable' || m === 'unlock' ? pass : $('persist-cancel')).focus();
  }

  const busy = (on, text = '') => {
    for (const b of dlg.querySelectorAll('button, input')) b.disabled = on;
    form.setAttribute('aria-busy', on ? 'true' : 'false');
    if (on) { msg.textContent = text; msg.className = 'busy'; }
  };
  const num = (n) => Number(n).toLocaleString(state.lang === 'en' ? 'en-GB' : 'fr-FR');
  const archiveMessage = (t, err) => {
    if (err instanceof ArchiveError && t.archive[err.code]) return t.archive[err.code](err, t, num);
    return t.failed + (err && err.message || err);
  };

  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    const t = T();
    if (mode === 'enable') {
      if (pass.value.length < 8) { render('enable', t.short, 'error'); pass.focus(); return; }
      if (pass.value !== pass2.value) { const v = pass.value; render('enable', t.mismatch, 'error'); pass.value = v; pass2.focus(); return; }
      busy(true, t.encrypting);
      try { await enable(pass.value); busy(false); dlg.close(); } catch (err) { busy(false); render('enable', err.code === 'persist.in_use' ? t.in_use : t.failed + (err.message || err), 'error'); }
    } else if (mode === 'unlock') {
      busy(true, t.checking);
      try {
        await unlock(pass.value);
        busy(false);
        if (mode === 'unlock') dlg.close();   // else it says what could not be reopened
      } catch (err) {
        busy(false);
        render('unlock', err instanceof WrongPassphrase ? t.wrong : err.code === 'persist.damaged' ? t.damaged(err.file)
          : err.code === 'persist.in_use' ? t.in_use : t.failed + (err.message || err), 'error');
        state.persist_refused = (state.persist_refused || 0) + 1;
        pass.focus();
      }
    } else if (mode === 'forget') {
      busy(true);
      await forget();
      busy(false);
      render('forgotten');
    } else if (mode === 'import') {
      const f = fileInput.files[0];
      if (!f) { render('import', t.no_file, 'error'); fileInput.focus(); return; }
      busy(true, t.importing);
      try {
        const ids = await importArchive(f, pass.value);
        busy(false);
        const back = importFrom && importFrom !== 'import' ? importFrom : home();
        open(back === 'enable' && ws.enabled ? 'on' : back, t.imported(ids.length, ws.enabled ? 'on' : back), 'ok');
        state.persist_imported = (state.persist_imported || 0) + ids.length;
      } catch (err) {
        busy(false);
        const v = pass.value;
        render('import', archiveMessage(t, err), 'error');
        state.persist_refused = (state.persist_refused || 0) + 1;
        if (err instanceof ArchiveError && err.code === 'archive.wrong_passphrase') { pass.value = v; pass.select(); pass.focus(); }
        else fileInput.focus();
      }
    }
  });
  $('persist-cancel').addEventListener('click', () => {
    if (mode === 'forget' && ws.stored) render(ws.locked ? 'unlock' : 'on');
    else if (mode === 'import') open(importFrom || home());
    else dlg.close();
  });
  $('persist-forget').addEventListener('click', () => render('forget'));
  importBtn.addEventListener('click', () => { importFrom = mode; open('import'); });
  exportBtn.addEventListener('click', async () => {
    const t = T();
    busy(true, t.exporting);
    try {
      const r = await exportArchive();
      busy(false);
      render('on', t.exported(r.name, r.sources, sizeText(state.lang, r.size)), 'ok');
    } catch (err) {
      busy(false);
      render('on', err.code === 'persist.damaged' ? t.export_damaged(err.file) : t.failed + (err.message || err), 'error');
    }
    exportBtn.focus();
  });
  dlg.addEventListener('close', () => { pass.value = ''; pass2.value = ''; fileInput.value = ''; mode = null; importFrom = null; canvasFocus(); });
  const canvasFocus = () => { const c = document.getElementById('canvas'); if (c) c.focus(); };

  // On load: a stored workspace (and not in workshop mode) is offered for reopening. Probing writes nothing.
  const ready = (state.workshop ? Promise.resolve(false) : ws.probe(new URLSearchParams(location.search).get('stockage')))
    .then((stored) => {
      publish();
      if (stored) open('unlock');
      else if (ws.resumed) open('forgotten');   // a "forget everything" a closed page had cut short is now finished
      return stored;
    }, () => false);

  // A .sdwcartable file opened like any other (main.js may route it here): the import form, file chosen.
  function importFile(file) {
    if (state.workshop || !dlg.open) importFrom = null;
    else if (mode !== 'import') importFrom = mode;
    open('import');
    const dt = new DataTransfer();
    dt.items.add(file);
    fileInput.files = dt.files;
    pass.focus();
  }

  return {
    hooks, open, importFile,
    ready,
    api: {
      status: async () => { await ready; return { ...(await ws.status()), dialog: dlg.open ? mode : null, refused: state.persist_refused || 0 }; },
      enable: async (p) => { await ready; return enable(p); },
      unlock: async (p) => { await ready; return unlock(p); },
      forget: async () => { await ready; return forget(); },
      storedBytes: async () => { await ready; await ws.queue; return ws.storedBytes(); },
      storage: () => storageReport(),
      dialog: () => ({ open: dlg.open, mode, message: msg.textContent, kind: msg.className }),
      // Crash tests only: the nth arrival of a write at `step` waits forever (status().held says so).
      holdAt: async (step, nth = 1) => { await ready; ws.holdAt(step, nth); return true; },
    },
  };
}
