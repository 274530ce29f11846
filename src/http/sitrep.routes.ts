import { z } from 'zod';
import { idSchema, LANGUAGES } from '../core/model/common.ts';
import { instantSchema } from '../core/model/fields.ts';
import { MAX_HOURS, type SitrepRequest } from '../services/sitrep.service.ts';
import type { SitrepModel } from '../services/sitrep/sitrep.model.ts';
import { SITREP_CSP } from '../services/sitrep/sitrep.css.ts';
import { caller } from './auth.hook.ts';
import type { ApiRoutes } from './route-types.ts';
import { replies, wholeNumber } from './schemas.ts';

const sitrepQuery = z.strictObject({
  jcc: z.union([z.literal('all'), idSchema]).optional().meta({ description: 'a JCC id, or "all" (default) for every JCC area you may see' }),
  lang: z.enum(LANGUAGES).optional().meta({ description: 'language of the report (default en); ar and ckb are right to left' }),
  hours: wholeNumber(1, MAX_HOURS).optional().meta({ description: 'length of the window in hours: 24 (default) for the daily report, 168 for the week' }),
  until: instantSchema.optional().meta({ description: 'end of the window (default now)', example: '2021-12-05T00:00:00Z' }),
  format: z.enum(['html', 'pdf']).optional().meta({ description: 'html (default) or pdf (needs chromium on the server; 503 UNAVAILABLE without it)' }),
});

const reportDoc = {
  description: 'The report, print-ready (A4). Header X-TLP carries its handling label: the most restrictive among the records it holds.',
  content: {
    'text/html': { schema: { type: 'string' } },
    'application/pdf': { schema: { type: 'string', format: 'binary' } },
  },
};

/** `sitrep-all-ar-20211205.pdf`: scope, language and the window's last day. */
const fileName = (m: SitrepModel, ext: string): string => `sitrep-${m.jcc ? m.jcc.id.slice(-12) : 'all'}-${m.lang}-${m.until.slice(0, 10).replace(/-/g, '')}.${ext}`;

/** The daily situation report of a JCC or of the whole area, as HTML or PDF. */
export const sitrepRoutes: ApiRoutes = async (app, { services }) => {
  app.get('/sitrep', {
    schema: { tags: ['sitrep'], summary: 'Situation report (SITREP) of the last 24 hours or 7 days', querystring: sitrepQuery, response: replies({ 200: reportDoc }, [400, 404, 503]) },
  }, async (req, reply) => {
    const { jcc, lang = 'en', hours = 24, until, format = 'html' } = req.query;
    const request: SitrepRequest = { lang, hours, ...(jcc && jcc !== 'all' ? { jccId: jcc } : {}), ...(until ? { until } : {}) };
    const p = caller(req);
    // The operations room shows the HTML report in a sandboxed frame of its own origin (web/src/sitrep).
    const headers = (m: SitrepModel, disposition: string, frameAncestors = "'none'") => {
      for (const w of m.warnings) req.log.warn(w);
      return reply
        .header('content-security-policy', `${SITREP_CSP}; frame-ancestors ${frameAncestors}`)
        .header('x-frame-options', frameAncestors === "'self'" ? 'SAMEORIGIN' : 'DENY')
        .header('x-tlp', m.tlp)
        .header('content-disposition', disposition);
    };
    if (format === 'pdf') {
      const { pdf, model } = await services.sitrep.pdf(p, request);
      return headers(model, `attachment; filename="${fileName(model, 'pdf')}"`).type('application/pdf').send(pdf);
    }
    const { html, model } = await services.sitrep.html(p, request);
    return headers(model, `inline; filename="${fileName(model, 'html')}"`, "'self'").type('text/html; charset=utf-8').send(html);
  });
};
