import {
  ARTICLE_STATUSES,
  articleBody,
  articlePatchBody,
  KB_LANGUAGES,
  kbCategoryBody,
  kbSearchQuery,
  kbSuggestBody,
} from "@sentra/core";
import { z } from "zod";
import { type Api, commonErrors, idParams, originOf } from "../http/api.js";
import { pageOf, pageQuery } from "../http/pagination.js";
import type { Services } from "../services.js";
import {
  articleSummaryView,
  articleVersionView,
  articleView,
  kbCategoryView,
  searchHitView,
} from "./kb-views.js";

const tags = ["knowledge"];
const articleFilters = pageQuery.extend({
  status: z.enum(ARTICLE_STATUSES).optional(),
  lang: z.enum(KB_LANGUAGES).optional(),
  categoryId: z.uuid().optional(),
});

export function registerKbRoutes(api: Api, services: Services): void {
  const { articles, search } = services.knowledge;

  api.get(
    "/kb/categories",
    {
      config: { access: "kb:read" },
      schema: { tags, response: { 200: z.object({ items: z.array(kbCategoryView) }), ...commonErrors } },
    },
    async (request) => articles.listCategories(request.actor!.tenantId),
  );

  api.post(
    "/kb/categories",
    {
      config: { access: "kb:write" },
      schema: { tags, body: kbCategoryBody, response: { 201: kbCategoryView, ...commonErrors } },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(await articles.createCategory(request.actor!, request.body.name, originOf(request))),
  );

  api.get(
    "/kb/articles",
    {
      config: { access: "kb:read" },
      schema: {
        tags,
        querystring: articleFilters,
        response: { 200: pageOf(articleSummaryView), ...commonErrors },
      },
    },
    async (request) => articles.list(request.actor!, request.query),
  );

  api.post(
    "/kb/articles",
    {
      config: { access: "kb:write" },
      schema: { tags, body: articleBody, response: { 201: articleView, ...commonErrors } },
    },
    async (request, reply) =>
      reply.status(201).send(await articles.create(request.actor!, request.body, originOf(request))),
  );

  api.get(
    "/kb/articles/:id",
    {
      config: { access: "kb:read" },
      schema: { tags, params: idParams, response: { 200: articleView, ...commonErrors } },
    },
    async (request) => articles.get(request.actor!, request.params.id),
  );

  api.patch(
    "/kb/articles/:id",
    {
      config: { access: "kb:write" },
      schema: {
        tags,
        params: idParams,
        body: articlePatchBody,
        response: { 200: articleView, ...commonErrors },
      },
    },
    async (request) => articles.update(request.actor!, request.params.id, request.body, originOf(request)),
  );

  api.get(
    "/kb/articles/:id/versions",
    {
      config: { access: "kb:write" },
      schema: {
        tags,
        params: idParams,
        response: { 200: z.object({ items: z.array(articleVersionView) }), ...commonErrors },
      },
    },
    async (request) => articles.versions(request.actor!, request.params.id),
  );

  for (const [path, status] of [
    ["publish", "published"],
    ["unpublish", "draft"],
  ] as const) {
    api.post(
      `/kb/articles/:id/${path}`,
      {
        config: { access: "kb:write" },
        schema: { tags, params: idParams, response: { 200: articleView, ...commonErrors } },
      },
      async (request) => articles.setStatus(request.actor!, request.params.id, status, originOf(request)),
    );
  }

  api.get(
    "/kb/search",
    {
      config: { access: "kb:read" },
      schema: {
        tags,
        querystring: kbSearchQuery,
        response: { 200: z.object({ items: z.array(searchHitView) }), ...commonErrors },
      },
    },
    async (request) => ({
      items: await search.search(
        request.actor!.tenantId,
        request.query.q,
        request.query.lang,
        request.query.limit,
      ),
    }),
  );

  api.post(
    "/kb/suggest",
    {
      config: { access: "kb:read" },
      schema: {
        tags,
        body: kbSuggestBody,
        response: {
          200: z.object({ terms: z.array(z.string()), items: z.array(searchHitView) }),
          ...commonErrors,
        },
      },
    },
    async (request) =>
      search.suggest(request.actor!.tenantId, request.body.text, request.body.language, request.body.limit),
  );
}
