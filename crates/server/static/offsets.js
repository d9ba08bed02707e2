// Byte offsets → JavaScript string indices.
//
// Every offset crosscheck returns is a UTF-8 byte offset into a text; a
// JavaScript string is indexed in UTF-16 code units. "’" is 3 bytes but 1 unit,
// "ع" is 2 bytes and 1 unit, "😀" is 4 bytes and 2 units: slicing a string with
// byte offsets would cut the wrong characters as soon as the text is not ASCII.
//
// ByteIndex maps byte offsets of one string to its indices. SourceMap maps
// offsets of a source text (an HTML page) into the text shown for it (its
// visible text), through the anchors the API sends with the page (see
// docs/api.md, `display`). Locator does both.
(function (root) {
  'use strict';

  function utf8Length(codePoint) {
    if (codePoint < 0x80) return 1;
    if (codePoint < 0x800) return 2;
    if (codePoint < 0x10000) return 3;
    return 4;
  }

  class ByteIndex {
    constructor(text) {
      let bytes = 0;
      for (const ch of text) bytes += utf8Length(ch.codePointAt(0));
      this.byteLength = bytes;
      // units[b]: index of the character holding byte b; boundary[b]: b starts one.
      this.units = new Uint32Array(bytes + 1);
      this.boundary = new Uint8Array(bytes + 1);
      let b = 0;
      let u = 0;
      for (const ch of text) {
        const n = utf8Length(ch.codePointAt(0));
        this.boundary[b] = 1;
        for (let k = 0; k < n; k++) this.units[b + k] = u;
        b += n;
        u += ch.length;
      }
      this.units[b] = u;
      this.boundary[b] = 1;
    }

    clamp(byte) {
      const b = Math.floor(Number(byte));
      if (!(b > 0)) return 0;
      return Math.min(b, this.byteLength);
    }

    // Index of a span's start: inside a character, that character's start.
    start(byte) {
      return this.units[this.clamp(byte)];
    }

    // Index of a span's exclusive end: inside a character, past that character.
    end(byte) {
      let b = this.clamp(byte);
      while (b < this.byteLength && !this.boundary[b]) b++;
      return this.units[b];
    }
  }

  // anchors: [[displayByte, sourceByte], ...], both increasing; from each anchor
  // both texts advance byte for byte up to the next one. null means identity.
  class SourceMap {
    constructor(anchors, displayLength) {
      this.anchors = anchors && anchors.length ? anchors : [[0, 0]];
      this.displayLength = displayLength;
    }

    // First anchor index whose source offset fails `pass` (binary search).
    partition(pass) {
      let lo = 0;
      let hi = this.anchors.length;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if (pass(this.anchors[mid][1])) lo = mid + 1;
        else hi = mid;
      }
      return lo;
    }

    map(next, source) {
      let v = 0;
      if (next > 0) {
        const [d, s] = this.anchors[next - 1];
        v = d + (source - s);
      }
      const cap = next < this.anchors.length ? this.anchors[next][0] : this.displayLength;
      return Math.max(0, Math.min(v, cap, this.displayLength));
    }

    start(source) {
      return this.map(this.partition((s) => s <= source), source);
    }

    end(source) {
      return this.map(this.partition((s) => s < source), source);
    }
  }

  // Source byte spans → [start, end) indices into the shown string.
  class Locator {
    constructor(shown, anchors) {
      this.text = shown;
      this.bytes = new ByteIndex(shown);
      this.map = new SourceMap(anchors, this.bytes.byteLength);
    }

    span(start, end) {
      const s = this.bytes.start(this.map.start(start));
      const e = this.bytes.end(this.map.end(end));
      return [s, Math.max(s, e)];
    }

    slice(start, end) {
      const [s, e] = this.span(start, end);
      return this.text.slice(s, e);
    }
  }

  const api = { utf8Length, ByteIndex, SourceMap, Locator };
  root.CrosscheckOffsets = api;
  if (typeof module !== 'undefined' && module.exports) module.exports = api;
})(typeof globalThis !== 'undefined' ? globalThis : this);
