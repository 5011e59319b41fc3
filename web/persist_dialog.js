// The encrypted-workspace dialog (an HTML <dialog> over the canvas, so password managers and screen
// readers see a real form) and the glue between web/persist.js and the page controller: which sources
// get stored, flagged or deleted as the Sources panel changes, and the restore on unlock. Owns the
// dialog's French and English texts. Does not own the storage format or the crypto (persist.js), nor
// the list of sources (main.js hands its hooks in).
import { Workspace, WrongPassphrase, storageReport } from './persist.js';

const TEXT = {
  fr: {
    enable_title: 'Garder mon espace de travail sur cet appareil (chiffré)',
    enable_text: 'Vos fichiers seront enregistrés dans ce navigateur, chiffrés (AES-GCM 256) avec une clé tirée de la phrase de passe que vous choisissez. Sans elle, personne ne peut les relire — nous non plus : si vous l’oubliez, l’espace est perdu. Sur un ordinateur partagé ou prêté, mieux vaut ne rien garder.',
    pass: 'Phrase de passe', pass2: 'La même, une seconde fois',
    enable_ok: 'Chiffrer et garder', cancel: 'Annuler', close: 'Fermer',
    short: 'Au moins 8 caractères, s’il vous plaît.', mismatch: 'Les deux phrases de passe ne sont pas identiques.',
    unlock_title: 'Rouvrir mon espace (phrase de passe)',
    unlock_text: 'Un espace de travail chiffré est enregistré sur cet appareil. Entrez sa phrase de passe pour le rouvrir.',
    unlock_ok: 'Rouvrir', later: 'Pas maintenant',
    wrong: 'Phrase de passe incorrecte : l’espace n’est pas ouvert, rien n’a été effacé. Vous pouvez réessayer.',
    failed: 'L’espace enregistré n’a pas pu être ouvert : ',
    damaged: (f) => `L’espace enregistré est endommagé (« ${f} » a été modifié ou tronqué) : il reste fermé et rien n’a été effacé.`,
    unavailable: 'Ce navigateur ne permet pas d’enregistrer des fichiers (stockage désactivé ou navigation privée).',
    forget: 'Tout oublier…', forget_title: 'Tout oublier sur cet appareil ?',
    forget_text: 'L’espace chiffré et tout ce que l’application a enregistré dans ce navigateur (y compris sa copie hors ligne) seront effacés. Vos fichiers d’origine ne sont pas touchés ; ce qui est ouvert dans cet onglet y reste jusqu’à sa fermeture.',
    forget_ok: 'Tout oublier', forgotten: 'Tout est oublié : ce navigateur ne garde plus rien de l’application.',
    on_title: 'Espace enregistré sur cet appareil (chiffré)',
    on_text: (n, size) => `${n} fichier${n > 1 ? 's' : ''} (${size}) chiffré${n > 1 ? 's' : ''} dans ce navigateur. Chaque fichier ajouté y est enregistré, chaque fichier retiré en est effacé.`,
    workshop: 'En mode atelier, rien n’est gardé sur cet ordinateur : l’espace chiffré n’est pas proposé.',
    encrypting: 'Chiffrement…', checking: 'Vérification de la phrase de passe…',
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
    damaged: (f) => `The saved workspace is damaged (“${f}” was altered or cut short): it stays closed and nothing was erased.`,
    unavailable: 'This browser cannot store files (storage disabled or private browsing).',
    forget: 'Forget everything…', forget_title: 'Forget everything on this device?',
    forget_text: 'The encrypted workspace and everything the app stored in this browser (its offline copy too) will be erased. Your original files are not touched; what is open in this tab stays until you close it.',
    forget_ok: 'Forget everything', forgotten: 'Everything is forgotten: this browser keeps nothing of the app.',
    on_title: 'Workspace saved on this device (encrypted)',
    on_text: (n, size) => `${n} file${n > 1 ? 's' : ''} (${size}) encrypted in this browser. Each file you add is saved, each file you remove is erased.`,
    workshop: 'In workshop mode nothing is kept on this computer: the encrypted workspace is not offered.',
    encrypting: 'Encrypting…', checking: 'Checking the passphrase…',
  },
};

const sizeText = (lang, n) => {
  const u = lang === 'fr' ? ['o', 'Ko', 'Mo', 'Go'] : ['B', 'KB', 'MB', 'GB'];
  let i = 0;
  while (n >= 1024 && i < 3) { n /= 1024; i++; }
  const s = (i ? n.toFixed(1) : String(n));
  return `${lang === 'fr' ? s.replace('.', ',') : s} ${u[i]}`;
};

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
    if (dlg.open && mode === 'unlock') dlg.close();
    await storeAll();
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
  let mode = null;
  // Keys typed in the dialog are the form's: GLFW listens on window and would take them (and it
  // swallows Backspace and Tab).
  for (const type of ['keydown', 'keyup', 'keypress']) dlg.addEventListener(type, (e) => e.stopPropagation());

  function render(m, message = '', kind = '') {
    mode = m;
    const t = T();
    dlg.lang = state.lang;
    const show = (el, on) => { el.hidden = !on; };
    const titles = { enable: t.enable_title, unlock: t.unlock_title, on: t.on_title, forget: t.forget_title,
                     workshop: t.enable_title, unavailable: t.enable_title, forgotten: t.forget_title };
    $('persist-title').textContent = titles[m];
    let text = { enable: t.enable_text, unlock: t.unlock_text, forget: t.forget_text, workshop: t.workshop,
                 unavailable: t.unavailable, forgotten: t.forgotten }[m] || '';
    if (m === 'on') {
      const n = ws.manifest ? ws.manifest.sources.filter((x) => !x.removed).length : 0;
      text = t.on_text(n, sizeText(state.lang, ws.manifest ? ws.manifest.sources.reduce((a, x) => a + (x.removed ? 0 : x.size), 0) : 0));
    }
    $('persist-text').textContent = text;
    $('persist-pass-label').textContent = t.pass;
    $('persist-pass2-label').textContent = t.pass2;
    const withPass = m === 'enable' || m === 'unlock';
    show($('persist-pass-row'), withPass);
    show($('persist-pass2-row'), m === 'enable');
    pass.autocomplete = m === 'enable' ? 'new-password' : 'current-password';
    pass2.autocomplete = 'new-password';
    const ok = $('persist-ok'), cancel = $('persist-cancel'), fg = $('persist-forget');
    ok.textContent = { enable: t.enable_ok, unlock: t.unlock_ok, forget: t.forget_ok }[m] || '';
    show(ok, ['enable', 'unlock', 'forget'].includes(m));
    ok.classList.toggle('danger', m === 'forget');
    cancel.textContent = m === 'unlock' ? t.later : (['enable', 'forget'].includes(m) ? t.cancel : t.close);
    fg.textContent = t.forget;
    show(fg, m === 'unlock' || m === 'on');
    msg.textContent = message;
    msg.className = kind;
  }

  function open(m = null) {
    if (!m) m = state.workshop ? 'workshop' : !ws.backend ? 'unavailable' : ws.locked ? 'unlock' : ws.enabled ? 'on' : 'enable';
    pass.value = ''; pass2.value = '';
    render(m);
    if (!dlg.open) dlg.showModal();
    (m === 'enable' || m === 'unlock' ? pass : $('persist-cancel')).focus();
  }

  const busy = (on, text = '') => {
    for (const b of dlg.querySelectorAll('button, input')) b.disabled = on;
    if (on) { msg.textContent = text; msg.className = 'busy'; }
  };

  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    const t = T();
    if (mode === 'enable') {
      if (pass.value.length < 8) { render('enable', t.short, 'error'); pass.focus(); return; }
      if (pass.value !== pass2.value) { const v = pass.value; render('enable', t.mismatch, 'error'); pass.value = v; pass2.focus(); return; }
      busy(true, t.encrypting);
      try { await enable(pass.value); busy(false); dlg.close(); } catch (err) { busy(false); render('enable', t.failed + (err.message || err), 'error'); }
    } else if (mode === 'unlock') {
      busy(true, t.checking);
      try {
        await unlock(pass.value);
        busy(false);
        dlg.close();
      } catch (err) {
        busy(false);
        render('unlock', err instanceof WrongPassphrase ? t.wrong : err.code === 'persist.damaged' ? t.damaged(err.file) : t.failed + (err.message || err), 'error');
        state.persist_refused = (state.persist_refused || 0) + 1;
        pass.focus();
      }
    } else if (mode === 'forget') {
      busy(true);
      await forget();
      busy(false);
      render('forgotten');
    }
  });
  $('persist-cancel').addEventListener('click', () => { if (mode === 'forget' && (ws.stored)) render(ws.locked ? 'unlock' : 'on'); else dlg.close(); });
  $('persist-forget').addEventListener('click', () => render('forget'));
  dlg.addEventListener('close', () => { pass.value = ''; pass2.value = ''; mode = null; canvasFocus(); });
  const canvasFocus = () => { const c = document.getElementById('canvas'); if (c) c.focus(); };

  // On load: a stored workspace (and not in workshop mode) is offered for reopening. Probing writes nothing.
  const ready = (state.workshop ? Promise.resolve(false) : ws.probe(new URLSearchParams(location.search).get('stockage')))
    .then((stored) => { publish(); if (stored) open('unlock'); return stored; }, () => false);

  return {
    hooks, open,
    ready,
    api: {
      status: async () => { await ready; return { ...(await ws.status()), dialog: dlg.open ? mode : null, refused: state.persist_refused || 0 }; },
      enable: async (p) => { await ready; return enable(p); },
      unlock: async (p) => { await ready; return unlock(p); },
      forget: async () => { await ready; return forget(); },
      storedBytes: async () => { await ready; await ws.queue; return ws.storedBytes(); },
      storage: () => storageReport(),
      dialog: () => ({ open: dlg.open, mode, message: msg.textContent, kind: msg.className }),
    },
  };
}
